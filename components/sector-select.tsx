import type { SectorSection } from '@/lib/sectors/queries';

/** The options of a WZ 2008 division picker: "none", then the divisions grouped by section. */
export function SectorOptions({ groups }: { groups: SectorSection[] }) {
  return (
    <>
      <option value="">–</option>
      {groups.map((group) => (
        <optgroup key={group.section} label={`${group.section} – ${group.title}`}>
          {group.divisions.map((d) => (
            <option key={d.code} value={d.code}>
              {d.code} {d.title}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
