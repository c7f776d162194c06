import { messages } from '@/lib/i18n';
import { OUTBOX_STATES, type OutboxState } from '@/lib/outbox/overview';

const t = messages.outbox;

const tones: Record<OutboxState, string> = {
  queued: 'border-slate-300',
  sending: 'border-brand-600',
  retrying: 'border-amber-600',
  sent: 'border-green-700',
};

/** One tile per state; waiting and failed mails stand out before the sent ones. */
export function OutboxCounts({ counts }: { counts: Record<OutboxState, number> }) {
  return (
    <dl aria-label={t.countsLabel} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {OUTBOX_STATES.map((state) => (
        <div key={state} className={`rounded-lg border-l-4 bg-white px-4 py-3 shadow-sm ${tones[state]}`}>
          <dt className="text-sm text-slate-700">{t.states[state]}</dt>
          <dd className="text-2xl font-bold text-slate-900 tabular-nums">{counts[state]}</dd>
        </div>
      ))}
    </dl>
  );
}
