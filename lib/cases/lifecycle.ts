import { CLOSED_STATUSES, CLOSING_STATUSES, type CaseStatus } from './vocabulary';

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  // A query to the requester ("Rückfrage") waits for their answer from any open status.
  new: ['in_triage', 'searching', 'waiting_feedback', 'rejected', 'duplicate', 'spam'],
  in_triage: ['searching', 'waiting_feedback', 'rejected', 'duplicate', 'spam'],
  searching: ['introduced', 'waiting_feedback', 'resolved', 'rejected', 'duplicate'],
  introduced: ['waiting_feedback', 'searching', 'resolved', 'rejected'],
  // The requester's reply returns the case to where it waited from.
  waiting_feedback: ['in_triage', 'introduced', 'searching', 'resolved', 'rejected'],
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
  return (CLOSED_STATUSES as readonly CaseStatus[]).includes(status);
}
