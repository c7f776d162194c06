import type { CasePriority, CaseStatus } from '@/lib/cases/vocabulary';
import { messages } from '@/lib/i18n';

const statusTone: Record<CaseStatus, string> = {
  new: 'bg-sky-100 text-sky-900 ring-sky-300',
  in_triage: 'bg-indigo-100 text-indigo-900 ring-indigo-300',
  searching: 'bg-violet-100 text-violet-900 ring-violet-300',
  introduced: 'bg-teal-100 text-teal-900 ring-teal-300',
  waiting_feedback: 'bg-amber-100 text-amber-900 ring-amber-300',
  resolved: 'bg-green-100 text-green-900 ring-green-300',
  rejected: 'bg-slate-200 text-slate-800 ring-slate-300',
  duplicate: 'bg-slate-200 text-slate-800 ring-slate-300',
  spam: 'bg-slate-200 text-slate-800 ring-slate-300',
};

const priorityTone: Record<CasePriority, string> = {
  low: 'text-slate-700',
  normal: 'text-slate-900',
  high: 'font-semibold text-orange-800',
  urgent: 'font-bold text-red-800',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${statusTone[status]}`}>
      {messages.statuses[status]}
    </span>
  );
}

export function PriorityLabel({ priority }: { priority: CasePriority }) {
  return <span className={`whitespace-nowrap text-sm ${priorityTone[priority]}`}>{messages.priorities[priority]}</span>;
}

/** Something is late: the first response (default) or, with `followUp`, chasing an introduction. */
export function OverdueBadge({ followUp = false }: { followUp?: boolean }) {
  return (
    <span
      title={followUp ? messages.queue.followUpOverdueHint : messages.queue.overdueHint}
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold text-white ${followUp ? 'bg-amber-700' : 'bg-red-700'}`}
    >
      {followUp ? messages.introductions.list.overdue : messages.queue.overdue}
    </span>
  );
}
