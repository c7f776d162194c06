import type { Need } from '@/lib/availability/need';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';

const t = messages.availability;

/** The need a supplier is asked about: what, how soon, where; never who. */
export function NeedView({ need }: { need: Need }) {
  const rows: [string, string][] = [
    [t.reference, need.reference],
    [t.category, messages.categories[need.category]],
    ...(need.quantity ? ([[t.neededQuantity, need.quantity]] as [string, string][]) : []),
    ...(need.neededBy ? ([[t.neededBy, formatDate(need.neededBy)]] as [string, string][]) : []),
    [t.district, need.districtName ?? t.noDistrict],
  ];
  return (
    <dl className="space-y-3">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-sm font-semibold text-slate-600">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
      <div>
        <dt className="text-sm font-semibold text-slate-600">{t.description}</dt>
        <dd className="whitespace-pre-wrap break-words text-slate-900">{need.description}</dd>
      </div>
    </dl>
  );
}
