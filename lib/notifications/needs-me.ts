import { and, eq, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, introductions, isOpenOutcome, isOpenStatus } from '../../db/schema';
import { berlinDate } from '../time';

/*
 * What needs a staff member, as conditions shared by the navigation count, the queue's
 * "Braucht mich" view and the daily digest. Each matches a partial index (db/schema).
 */

/** My cases with a requester's reply I have not opened yet (cases_unread_reply_idx). */
export const hasUnreadReply = (userId: number): SQL => and(eq(cases.assigneeId, userId), isNotNull(cases.replyUnreadSince))!;

/** My open cases still without a first response (cases_open_assignee_idx). */
export const awaitsFirstResponse = (userId: number): SQL =>
  and(eq(cases.assigneeId, userId), isOpenStatus(cases.status), isNull(cases.firstRespondedAt))!;

/** …and past their first-response date. */
export const firstResponseOverdue = (userId: number, now: Date): SQL =>
  and(awaitsFirstResponse(userId), lt(cases.firstResponseDueAt, now))!;

/** Introductions I made whose follow-up is due today or earlier (introductions_follow_up_idx). */
export const followUpDue = (userId: number, today: string): SQL =>
  and(eq(introductions.introducedById, userId), isOpenOutcome(introductions.outcome), lte(introductions.followUpOn, today))!;

/** The ids of the cases that need me: the union of the three, each from its own index. */
export function casesNeedingMe(userId: number, now: Date, today: string) {
  return sql`(select ${cases.id} from ${cases} where ${hasUnreadReply(userId)}
    union select ${cases.id} from ${cases} where ${firstResponseOverdue(userId, now)}
    union select ${introductions.caseId} from ${introductions} where ${followUpDue(userId, today)})`;
}

/** The navigation's count: one query, three index scans, on every staff page. */
export function countCasesNeedingMeQuery(userId: number, now: Date = new Date(), today: string = berlinDate(now)) {
  return db.select({ n: sql<number>`count(*)::int` }).from(sql`${casesNeedingMe(userId, now, today)} as needing_me`);
}

export async function countCasesNeedingMe(userId: number): Promise<number> {
  const [row] = await countCasesNeedingMeQuery(userId);
  return Number(row?.n ?? 0);
}
