import { districtOutlines, projectToOutline } from '@/lib/geo/outlines';

interface Props {
  districtKey: string | null;
  latitude: number | null;
  longitude: number | null;
  label: string;
}

/** A small offline map of Thuringia: district outlines, the case's district and its place. */
export function DistrictMap({ districtKey, latitude, longitude, label }: Props) {
  const { outlines, viewBox } = districtOutlines();
  const point = latitude !== null && longitude !== null ? projectToOutline(latitude, longitude) : null;
  return (
    <svg viewBox={viewBox} role="img" aria-label={label} className="h-auto w-full max-w-sm">
      {outlines.map((o) => (
        <path
          key={o.key}
          d={o.d}
          className={o.key === districtKey ? 'fill-brand-100 stroke-brand-700' : 'fill-slate-100 stroke-slate-400'}
          strokeWidth={o.key === districtKey ? 4 : 2}
        >
          <title>{o.name}</title>
        </path>
      ))}
      {point && <circle cx={point[0]} cy={point[1]} r={14} className="fill-red-700 stroke-white" strokeWidth={4} />}
    </svg>
  );
}
