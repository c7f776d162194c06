import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { caseMessages, cases, type CaseEvent, type CaseStatus, type MessageChannel } from '../../db/schema';
import { assertRole, type StaffUser } from '../auth/staff';
import { recordCaseEvents } from '../cases/events';
import { isClosed } from '../cases/lifecycle';
import { lockCase } from '../cases/update';
import { waitingChange } from '../cases/waiting';
import { log } from '../log';
import { notifyReply } from '../notifications/notify';

export interface RequesterReply {
  caseId: number;
  channel: MessageChannel;
  subject: string;
  body: string;
}

/**
 * A refusal names why, so the inbound worker can route the mail to "unassigned" and the reply
 * page can say so: `erased` means the case's personal data is gone and nothing may be added.
 */
export type RequesterReplyResult = { ok: true; messageId: number } | { ok: false; reason: 'not_found' | 'erased' };

/**
 * Threads the requester's reply into the case, inside the caller's transaction: a waiting case
 * returns to where it was, a closed one reopens into triage, and the case is marked unread
 * until its assignee opens it.
 */
export async function recordRequesterReply(executor: Executor, input: RequesterReply, now = new Date()): Promise<RequesterReplyResult> {
  const current = await lockCase(executor, input.caseId);
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.anonymisedAt) return { ok: false, reason: 'erased' };

  const [message] = await executor
    .insert(caseMessages)
    .values({ caseId: current.id, direction: 'inbound', channel: input.channel, subject: input.subject, body: input.body, createdAt: now })
    .returning({ id: caseMessages.id });
  let status: CaseStatus = current.status;
  if (current.waitingSince !== null) status = current.statusBeforeWaiting ?? 'in_triage';
  else if (isClosed(current.status)) status = 'in_triage';

  const events: CaseEvent[] = [{ type: 'reply_received', data: { messageId: message!.id, channel: input.channel } }];
  if (status !== current.status) events.push({ type: 'status_changed', data: { from: current.status, to: status, reason: null } });
  await executor
    .update(cases)
    .set({
      status,
      ...(status !== current.status ? waitingChange(current, status, now) : {}),
      // A reopened case is triaged afresh: no stale reason from its closing.
      ...(isClosed(current.status) ? { closeReason: null } : {}),
      replyUnreadSince: current.replyUnreadSince ?? now,
      version: current.version + 1,
      updatedAt: now,
    })
    .where(eq(cases.id, current.id));
  await recordCaseEvents(
    executor,
    events.map((e) => ({ ...e, caseId: current.id, actorId: null, createdAt: now })),
  );
  await notifyReply(executor, current);
  log.info({ event: 'case.reply_received', caseId: current.id, channel: input.channel, status });
  return { ok: true, messageId: message!.id };
}

/**
 * The assignee opened the case: its "Antwort eingegangen" marker goes. Others looking leave it,
 * unless nobody is assigned (then whoever handles it has read it).
 */
export async function markRepliesRead(actor: StaffUser, caseId: number): Promise<boolean> {
  assertRole(actor, 'expert');
  const rows = await db
    .update(cases)
    .set({ replyUnreadSince: null })
    .where(
      and(eq(cases.id, caseId), or(eq(cases.assigneeId, actor.id), isNull(cases.assigneeId)), sql`${cases.replyUnreadSince} is not null`),
    )
    .returning({ id: cases.id });
  return rows.length > 0;
}
