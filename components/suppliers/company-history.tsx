import { assertNever } from '@/lib/assert-never';
import { formatDate, formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';
import type { CompanyChanges, CompanyHistoryEntry } from '@/lib/suppliers/detail';

const t = messages.suppliers;
const LABELS = t.fields as Record<string, string>;

/** A recorded field value as text. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return t.none;
  if (Array.isArray(value)) return value.length === 0 ? t.none : value.join(', ');
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (value === 'company' || value === 'research' || value === 'network') return t.kinds[value];
  const text = String(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

type Details = { source: string | null; changes: CompanyChanges; detail?: string; byCompany?: boolean };

/** What an event records: where a new record came from, which fields changed, or what happened. */
function detailsOf(entry: CompanyHistoryEntry): Details {
  switch (entry.type) {
    case 'created':
      return { source: entry.data.source, changes: {} };
    case 'updated':
      return { source: null, changes: entry.data.changes, byCompany: entry.data.by === 'company' };
    case 'imported':
      return 'changes' in entry.data ? { source: null, changes: entry.data.changes } : { source: entry.data.source, changes: {} };
    case 'confirmed':
    case 'change_proposed':
      return { source: null, changes: 'changes' in entry.data ? entry.data.changes : {}, byCompany: true };
    case 'entry_check_sent':
      return { source: null, changes: {} };
    case 'change_reviewed':
      return { source: null, changes: entry.data.changes, detail: entry.data.applied ? t.changeApplied : t.changeRejected };
    case 'merged':
      return { source: null, changes: {}, detail: t.mergedFrom(entry.data.mergedName, entry.data.mergedId) };
    case 'offer_accepted':
      return {
        source: null,
        changes: {},
        detail: t.offerUntil(entry.data.offer, entry.data.availableUntil && formatDate(entry.data.availableUntil)),
      };
    default:
      return assertNever(entry);
  }
}

/** The company's history: who changed which field when, old → new; values shown as text only. */
export function CompanyHistory({ entries }: { entries: CompanyHistoryEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t.noHistory}</p>;
  return (
    <ol className="space-y-3" aria-label={t.history}>
      {entries.map((entry) => {
        const { source, changes, detail, byCompany } = detailsOf(entry);
        const actor = byCompany ? t.byCompany : (entry.actorName ?? (source || entry.type === 'imported' ? t.byImport : t.bySystem));
        return (
          <li key={entry.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <div className="flex flex-wrap justify-between gap-2 text-slate-600">
              <span className="font-medium text-slate-900">{t.events[entry.type]}</span>
              <span>
                {actor} · {formatDateTime(entry.createdAt)}
              </span>
            </div>
            {detail && <p className="mt-1 break-words text-slate-700">{detail}</p>}
            {source && (
              <p className="mt-1 text-slate-700">
                {t.fields.source}: {source}
              </p>
            )}
            {Object.keys(changes).length > 0 && (
              <ul className="mt-2 space-y-1">
                {Object.entries(changes).map(([field, change]) => (
                  <li key={field} className="break-words">
                    <span className="font-medium">{t.changedField(LABELS[field] ?? field)}</span>{' '}
                    <span className="text-slate-600">{showValue(change.from)}</span> →{' '}
                    <span className="text-slate-900">{showValue(change.to)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
