import { OPEN_OUTCOMES, type IntroductionOutcome } from './vocabulary';

// The final outcomes can go back to "in contact": a supplier that did not answer may still call.
const TRANSITIONS: Record<IntroductionOutcome, readonly IntroductionOutcome[]> = {
  pending: ['in_contact', 'no_fit', 'no_answer'],
  in_contact: ['agreement', 'no_fit', 'no_answer'],
  agreement: ['in_contact'],
  no_fit: ['in_contact'],
  no_answer: ['in_contact'],
};

export function allowedOutcomes(from: IntroductionOutcome): readonly IntroductionOutcome[] {
  return TRANSITIONS[from];
}

export function canChangeOutcome(from: IntroductionOutcome, to: IntroductionOutcome): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export function isOpenOutcome(outcome: IntroductionOutcome): boolean {
  return (OPEN_OUTCOMES as readonly IntroductionOutcome[]).includes(outcome);
}

/** Whether a follow-up is past (`overdue`) or today (`due`), for open outcomes only. */
export function followUpState(row: { outcome: IntroductionOutcome; followUpOn: string | null }, today: string): 'overdue' | 'due' | null {
  if (!row.followUpOn || !isOpenOutcome(row.outcome)) return null;
  if (row.followUpOn < today) return 'overdue';
  return row.followUpOn === today ? 'due' : null;
}
