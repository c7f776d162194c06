import type { Case, CaseStatus } from '../../db/schema';
import { WAITING_STATUSES } from './vocabulary';

export const isWaitingStatus = (status: CaseStatus) => (WAITING_STATUSES as readonly CaseStatus[]).includes(status);

type WaitingColumns = Pick<Case, 'waitingSince' | 'statusBeforeWaiting'> & { firstResponseDueAt?: Date | null };

/**
 * The waiting columns a status change sets. Entering a waiting status remembers where the case
 * was (a new case someone wrote to counts as triaged, like "Übernehmen"); leaving it moves a
 * still-running first-response deadline later by the time waited: the clock is paused, since
 * the requester, not staff, had the next move.
 */
export function waitingChange(
  current: Pick<Case, 'status' | 'waitingSince' | 'firstRespondedAt' | 'firstResponseDueAt'>,
  to: CaseStatus,
  now: Date,
): Partial<WaitingColumns> {
  const waiting = current.waitingSince !== null;
  if (isWaitingStatus(to) && !waiting) {
    return { waitingSince: now, statusBeforeWaiting: current.status === 'new' ? 'in_triage' : current.status };
  }
  if (!isWaitingStatus(to) && waiting) {
    const paused = Math.max(0, now.getTime() - current.waitingSince!.getTime());
    const clockRunning = current.firstRespondedAt === null && current.firstResponseDueAt !== null;
    return {
      waitingSince: null,
      statusBeforeWaiting: null,
      ...(clockRunning ? { firstResponseDueAt: new Date(current.firstResponseDueAt!.getTime() + paused) } : {}),
    };
  }
  return {};
}
