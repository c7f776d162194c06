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

export const caseUrl = (caseId: number | string) => `${config().baseUrl}/cases/${caseId}`;

export const caseLine = (c: Pick<Case, 'reference' | 'category' | 'urgency'>) =>
  t.caseLine({ reference: c.reference, category: messages.categories[c.category], urgency: messages.urgencies[c.urgency] });

/** Active staff members and their setting, defaults for those who never saved one. */
function recipients(tx: Executor) {
  return tx.select({ email: users.email }).from(users).leftJoin(notificationSettings, eq(notificationSettings.userId, users.id));
}

async function send(tx: Executor, template: string, to: string[], c: CaseSummary, subject: string, body: string) {
  for (const recipient of to) await enqueueMail(tx, { template, recipient, caseId: c.id, subject, body });
}

/**
 * Who hears of a new case: everyone who wants all new cases, or this one because it is "sofort".
 * A select, run inside the statement that stores the case (lib/intake/numbered-case.ts).
 */
export function newCaseRecipients(executor: Executor, urgency: Case['urgency']) {
  const wanted: NewCaseNotification[] = urgency === 'immediately' ? ['all', 'immediate_only'] : ['all'];
  return recipients(executor).where(and(eq(users.active, true), inArray(settingOf('newCases'), wanted)));
}

/**
 * The mail to each of them, the same for all; intake renders it before the case has its
 * reference and id, with stand-ins the insert fills in (lib/intake/numbered-case.ts).
 */
export function newCaseMail(c: Omit<CaseSummary, 'id' | 'reference'> & { id: number | string; reference: string }) {
  return {
    template: 'notify_new_case',
    subject: t.newCaseSubject(c.reference, messages.urgencies[c.urgency]),
    body: t.newCaseBody({ line: caseLine(c), url: caseUrl(c.id) }),
  };
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

/** Inside the offer's acceptance: the assignee of a case the offer may serve (no setting covers it: always). */
export async function notifyOfferMatch(tx: Executor, c: CaseSummary & { assigneeId: number | null }, company: string): Promise<void> {
  if (c.assigneeId === null) return;
  const to = await recipients(tx).where(and(eq(users.id, c.assigneeId), eq(users.active, true)));
  await send(
    tx,
    'notify_offer_match',
    to.map((r) => r.email),
    c,
    t.offerMatchSubject(c.reference),
    t.offerMatchBody({ line: caseLine(c), url: caseUrl(c.id), company }),
  );
}
