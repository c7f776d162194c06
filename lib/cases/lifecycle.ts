import type { CaseStatus } from './vocabulary';

/** Statuses that end a case as not helped; entering one needs a reason. */
export const CLOSING_STATUSES = ['rejected', 'duplicate', 'spam'] as const satisfies readonly CaseStatus[];
export const CLOSED_STATUSES: readonly CaseStatus[] = ['resolved', ...CLOSING_STATUSES];
export const WAITING_STATUSES: readonly CaseStatus[] = ['waiting_feedback'];

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['in_triage', 'searching', 'rejected', 'duplicate', 'spam'],
  in_triage: ['searching', 'rejected', 'duplicate', 'spam'],
  searching: ['introduced', 'resolved', 'rejected', 'duplicate'],
  introduced: ['waiting_feedback', 'searching', 'resolved', 'rejected'],
  waiting_feedback: ['introduced', 'searching', 'resolved', 'rejected'],
  // Closed cases can be reopened into triage, e.g. when the requester writes again.
  resolved: ['in_triage'],
  rejected: ['in_triage'],
  duplicate: ['in_triage'],
  spam: ['in_triage'],
};

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export function needsReason(status: CaseStatus): boolean {
  return (CLOSING_STATUSES as readonly CaseStatus[]).includes(status);
}

export function isClosed(status: CaseStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}
