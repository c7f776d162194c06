import type { AgreementKind, IntroductionOutcome, OutcomeSource } from '@/lib/introductions/vocabulary';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { OverdueBadge } from '../cases/badges';

const t = messages.introductions;

const tone: Record<IntroductionOutcome, string> = {
  pending: 'bg-slate-100 text-slate-800 border-slate-300',
  in_contact: 'bg-sky-50 text-sky-900 border-sky-300',
  agreement: 'bg-green-50 text-green-900 border-green-400',
  no_fit: 'bg-stone-100 text-stone-800 border-stone-300',
  no_answer: 'bg-amber-50 text-amber-900 border-amber-300',
};

/** The outcome, and who says so when it is not staff: the requester answered through the feedback link. */
export function OutcomeBadge({
  outcome,
  agreementKind,
  source,
}: {
  outcome: IntroductionOutcome;
  agreementKind: AgreementKind | null;
  source: OutcomeSource;
}) {
  return (
    <>
      <span className={`inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-semibold ${tone[outcome]}`}>
        {t.outcomes[outcome]}
        {agreementKind && ` (${t.agreementKinds[agreementKind]})`}
      </span>
      {source === 'requester' && <span className="text-xs text-slate-700">{messages.feedback.bySource}</span>}
    </>
  );
}

/** The follow-up date, marked when it has come. */
export function FollowUp({ date, state }: { date: string | null; state: 'overdue' | 'due' | null }) {
  if (!date) return <span className="text-slate-500">–</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="tabular-nums">{formatDate(date)}</span>
      {state === 'overdue' && <OverdueBadge followUp />}
      {state === 'due' && <span className="text-xs font-semibold text-amber-800">{t.list.dueToday}</span>}
    </span>
  );
}
