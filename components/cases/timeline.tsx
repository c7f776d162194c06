import { assertNever } from '@/lib/assert-never';
import type { TimelineEntry } from '@/lib/cases/detail';
import { formatDate, formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';

const t = messages.caseView.events;
const ti = messages.introductions;

type Names = Map<number, string>;
const none = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && value.length === 0);
const user = (id: number | null, names: Names) => (id === null ? t.none : (names.get(id) ?? `#${id}`));
const date = (value: string | null) => (value ? formatDate(value) : t.none);
const tags = (value: string[]) => (none(value) ? t.none : value.join(', '));
const outcome = (value: keyof typeof ti.outcomes) => ti.outcomes[value];

/** One line for an event; the switch is exhaustive, so a new event type must be given one. */
export function describeEvent(entry: TimelineEntry, names: Names): string {
  switch (entry.type) {
    case 'submitted':
      return t.submitted;
    case 'note':
      return t.note;
    case 'anonymised':
      return messages.dataProtection.timeline[entry.data.cause];
    case 'status_changed':
      return t.status_changed(messages.statuses[entry.data.from], messages.statuses[entry.data.to]);
    case 'priority_changed':
      return t.priority_changed(messages.priorities[entry.data.from], messages.priorities[entry.data.to]);
    case 'assigned':
      return t.assigned(user(entry.data.from, names), user(entry.data.to, names));
    case 'due_date_changed':
      return t.due_date_changed(date(entry.data.from), date(entry.data.to));
    case 'tags_changed':
      return t.tags_changed(tags(entry.data.from), tags(entry.data.to));
    case 'shortlist_added':
    case 'shortlist_removed':
    case 'introduction_sent':
      return ti.events[entry.type](entry.data.company);
    case 'introduction_logged':
      return ti.events.introduction_logged(entry.data.company, ti.channels[entry.data.channel]);
    case 'introduction_outcome':
      return (entry.data.source === 'requester' ? ti.events.introduction_outcome_by_requester : ti.events.introduction_outcome)(
        entry.data.company,
        outcome(entry.data.from),
        outcome(entry.data.to),
      );
    case 'feedback_requested':
    case 'availability_check_sent':
    case 'availability_check_reminded':
    case 'offer_matched':
      return ti.events[entry.type](entry.data.company);
    case 'availability_answered':
      return ti.events.availability_answered(entry.data.company, ti.availabilityAnswers[entry.data.answer]);
    case 'consent_recorded':
      return ti.events.consent_recorded(entry.data.company, entry.data.source === 'staff_phone');
    case 'introduction_follow_up':
      return ti.events.introduction_follow_up(entry.data.company, date(entry.data.to));
    case 'message_sent':
      return t.message_sent(entry.data.subject);
    case 'reply_received':
      return t.reply_received(entry.data.channel);
    default:
      return assertNever(entry);
  }
}

/** Free text staff wrote with the event: the note itself, or the note beside a change. */
function noteOf(entry: TimelineEntry): string | null {
  if (entry.type === 'note') return entry.data.text;
  return 'note' in entry.data && typeof entry.data.note === 'string' ? entry.data.note : null;
}

/** The case history as one list; free text (notes, reasons) is rendered as text, never HTML. */
export function Timeline({ entries, names }: { entries: TimelineEntry[]; names: Names }) {
  return (
    <ol className="space-y-3">
      {entries.map((entry) => {
        const note = noteOf(entry);
        return (
          <li key={entry.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <div className="flex flex-wrap justify-between gap-2 text-slate-600">
              <span className="font-medium text-slate-900">{describeEvent(entry, names)}</span>
              <span>
                {entry.actorName ?? (entry.type === 'anonymised' ? messages.dataProtection.timeline.automatic : t.byRequester)} ·{' '}
                {formatDateTime(entry.createdAt)}
              </span>
            </div>
            {note !== null && <p className="mt-2 whitespace-pre-wrap break-words text-slate-900">{note}</p>}
            {entry.type === 'status_changed' && entry.data.reason && <p className="mt-1 text-slate-700">{t.reason(entry.data.reason)}</p>}
          </li>
        );
      })}
    </ol>
  );
}
