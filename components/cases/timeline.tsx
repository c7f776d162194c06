import type { TimelineEntry } from '@/lib/cases/detail';
import { formatDate, formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';

const t = messages.caseView.events;

type Names = Map<number, string>;
const label = (value: unknown, kind: 'status' | 'priority' | 'user' | 'date' | 'tags', names: Names): string => {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return t.none;
  switch (kind) {
    case 'status':
      return messages.statuses[value as keyof typeof messages.statuses] ?? String(value);
    case 'priority':
      return messages.priorities[value as keyof typeof messages.priorities] ?? String(value);
    case 'user':
      return names.get(Number(value)) ?? `#${value}`;
    case 'date':
      return formatDate(String(value));
    case 'tags':
      return (value as string[]).join(', ');
  }
};

const KINDS = {
  status_changed: 'status',
  priority_changed: 'priority',
  assigned: 'user',
  due_date_changed: 'date',
  tags_changed: 'tags',
} as const;

const ti = messages.introductions;

/** Shortlist and introduction events (lib/introductions) name the company they concern. */
function describeIntroduction(entry: TimelineEntry): string | undefined {
  const company = String(entry.data.company ?? '');
  const outcome = (value: unknown) => (value ? ti.outcomes[value as keyof typeof ti.outcomes] : t.none);
  switch (entry.type) {
    case 'shortlist_added':
    case 'shortlist_removed':
    case 'introduction_sent':
      return ti.events[entry.type](company);
    case 'introduction_logged':
      return ti.events.introduction_logged(company, ti.channels[entry.data.channel as keyof typeof ti.channels] ?? String(entry.data.channel));
    case 'introduction_outcome':
      return ti.events.introduction_outcome(company, outcome(entry.data.from), outcome(entry.data.to));
    case 'introduction_follow_up':
      return ti.events.introduction_follow_up(company, entry.data.to ? formatDate(String(entry.data.to)) : t.none);
  }
  return undefined;
}

function describe(entry: TimelineEntry, names: Names): string {
  if (entry.type === 'submitted') return t.submitted;
  if (entry.type === 'note') return t.note;
  if (entry.type === 'anonymised') return messages.dataProtection.timeline[entry.data.cause === 'erasure' ? 'erasure' : 'retention'];
  const introduction = describeIntroduction(entry);
  if (introduction) return introduction;
  const kind = KINDS[entry.type as keyof typeof KINDS];
  if (!kind) return entry.type;
  return t[entry.type as keyof typeof KINDS](label(entry.data.from, kind, names), label(entry.data.to, kind, names));
}

/** The case history as one list; free text (notes, reasons) is rendered as text, never HTML. */
export function Timeline({ entries, names }: { entries: TimelineEntry[]; names: Names }) {
  return (
    <ol className="space-y-3">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <div className="flex flex-wrap justify-between gap-2 text-slate-600">
            <span className="font-medium text-slate-900">{describe(entry, names)}</span>
            <span>
              {entry.actorName ?? (entry.type === 'anonymised' ? messages.dataProtection.timeline.automatic : t.byRequester)} ·{' '}
              {formatDateTime(entry.createdAt)}
            </span>
          </div>
          {entry.type === 'note' && <p className="mt-2 whitespace-pre-wrap break-words text-slate-900">{String(entry.data.text)}</p>}
          {entry.type !== 'note' && typeof entry.data.note === 'string' && (
            <p className="mt-2 whitespace-pre-wrap break-words text-slate-900">{entry.data.note}</p>
          )}
          {typeof entry.data.reason === 'string' && <p className="mt-1 text-slate-700">{t.reason(entry.data.reason)}</p>}
        </li>
      ))}
    </ol>
  );
}
