import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notificationSettings, users, type Case } from '../../db/schema';
import type { NewCaseNotification } from './vocabulary';
import type { StaffUser } from '../auth/staff';
import { config } from '../config';
import { messages } from '../i18n';
import { enqueueMail } from '../outbox/enqueue';
import { settingOf } from './settings';

const t = messages.notifications;

/** The case as staff mails name it: reference, need and urgency, never the requester's details. */
type CaseSummary = Pick<Case, 'id' | 'reference' | 'category' | 'urgency'>;

export const caseUrl = (caseId: number) => `${config().baseUrl}/cases/${caseId}`;

export const caseLine = (c: Pick<Case, 'reference' | 'category' | 'urgency'>) =>
  t.caseLine({ reference: c.reference, category: messages.categories[c.category], urgency: messages.urgencies[c.urgency] });

/** Active staff members and their setting, defaults for those who never saved one. */
function recipients(tx: Executor) {
  return tx.select({ email: users.email }).from(users).leftJoin(notificationSettings, eq(notificationSettings.userId, users.id));
}

async function send(tx: Executor, template: string, to: string[], c: CaseSummary, subject: string, body: string) {
  for (const recipient of to) await enqueueMail(tx, { template, recipient, caseId: c.id, subject, body });
}

/** Inside intake's transaction: everyone who wants all new cases, or this one because it is "sofort". */
export async function notifyNewCase(tx: Executor, c: CaseSummary): Promise<void> {
  const wanted: NewCaseNotification[] = c.urgency === 'immediately' ? ['all', 'immediate_only'] : ['all'];
  const to = await recipients(tx).where(and(eq(users.active, true), inArray(settingOf('newCases'), wanted)));
  const body = t.newCaseBody({ line: caseLine(c), url: caseUrl(c.id) });
  await send(
    tx,
    'notify_new_case',
    to.map((r) => r.email),
    c,
    t.newCaseSubject(c.reference, messages.urgencies[c.urgency]),
    body,
  );
}

/** Inside the change's transaction: the new assignee hears of it, unless they assigned themselves. */
export async function notifyAssigned(tx: Executor, actor: StaffUser, c: CaseSummary, assigneeId: number | null): Promise<void> {
  if (assigneeId === null || assigneeId === actor.id) return;
  const to = await recipients(tx).where(and(eq(users.id, assigneeId), eq(users.active, true), settingOf('assignedToMe')));
  const body = t.assignedBody({ line: caseLine(c), url: caseUrl(c.id), by: actor.name });
  await send(
    tx,
    'notify_assigned',
    to.map((r) => r.email),
    c,
    t.assignedSubject(c.reference),
    body,
  );
}

/** Inside the reply's transaction: the case's assignee, if they want replies by mail. */
export async function notifyReply(tx: Executor, c: CaseSummary & Pick<Case, 'assigneeId'>): Promise<void> {
  if (c.assigneeId === null) return;
  const to = await recipients(tx).where(and(eq(users.id, c.assigneeId), eq(users.active, true), settingOf('repliesOnMyCases')));
  await send(
    tx,
    'notify_reply',
    to.map((r) => r.email),
    c,
    t.replySubject(c.reference),
    t.replyBody({ line: caseLine(c), url: caseUrl(c.id) }),
  );
}
