import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { cases, companies, digestDeliveries, introductions, notificationSettings, users } from '../../db/schema';
import { config } from '../config';
import { formatDate } from '../format';
import { messages } from '../i18n';
import { log } from '../log';
import { enqueueMail } from '../outbox/enqueue';
import { runPeriodically } from '../periodic';
import { berlinDate, berlinHour, isWorkingDay, MINUTE_MS } from '../time';
import { awaitsFirstResponse, followUpDue, hasUnreadReply } from './needs-me';
import { caseLine } from './notify';
import { settingOf } from './settings';

const t = messages.notifications;
// A long day of one person's work; the mail stays readable and the rest is one click away.
const MAX_LINES = 50;
const INTERVAL_MS = 5 * MINUTE_MS;

async function digestBody(tx: Executor, userId: number, now: Date, today: string): Promise<string | null> {
  const overdue = sql<boolean>`coalesce(${cases.firstResponseDueAt} < ${now.toISOString()}::timestamptz, false)`;
  const unanswered = await tx
    .select({ reference: cases.reference, category: cases.category, urgency: cases.urgency, overdue })
    .from(cases)
    .where(awaitsFirstResponse(userId))
    .orderBy(asc(cases.firstResponseDueAt), asc(cases.id))
    .limit(MAX_LINES);
  const followUps = await tx
    .select({ reference: cases.reference, company: companies.name, on: introductions.followUpOn })
    .from(introductions)
    .innerJoin(cases, eq(cases.id, introductions.caseId))
    .innerJoin(companies, eq(companies.id, introductions.companyId))
    .where(followUpDue(userId, today))
    .orderBy(asc(introductions.followUpOn), asc(introductions.id))
    .limit(MAX_LINES);
  const replies = await tx
    .select({ reference: cases.reference, category: cases.category, urgency: cases.urgency })
    .from(cases)
    .where(hasUnreadReply(userId))
    .orderBy(asc(cases.replyUnreadSince))
    .limit(MAX_LINES);
  if (unanswered.length + followUps.length + replies.length === 0) return null;

  const section = (title: string, lines: string[]) => (lines.length ? [title, ...lines.map((l) => `- ${l}`), ''] : []);
  return [
    ...section(
      t.digestUnanswered,
      unanswered.map((c) => (c.overdue ? `${caseLine(c)} (${t.digestOverdue})` : caseLine(c))),
    ),
    ...section(
      t.digestFollowUps,
      followUps.map((f) => t.digestFollowUpLine({ reference: f.reference, company: f.company, on: formatDate(f.on!) })),
    ),
    ...section(t.digestReplies, replies.map(caseLine)),
    t.digestFooter(`${config().baseUrl}/cases?view=needs_me`),
  ].join('\n');
}

/**
 * Sends today's digest to everyone who chose it and has not had it. The delivery row and the
 * mail are one transaction, and the row's primary key lets only one of several instances (or
 * ticks) insert it: whoever loses the race inserts nothing and sends nothing.
 */
export async function runDigest(options: { now?: Date; hour?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const today = berlinDate(now);
  if (!isWorkingDay(today) || berlinHour(now) < (options.hour ?? config().DIGEST_HOUR)) return 0;

  const due = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        settingOf('dailyDigest'),
        notExists(
          db
            .select()
            .from(digestDeliveries)
            .where(and(eq(digestDeliveries.userId, users.id), eq(digestDeliveries.day, today))),
        ),
      ),
    );

  let sent = 0;
  for (const user of due) {
    const mailed = await db.transaction(async (tx) => {
      const claimed = await tx.insert(digestDeliveries).values({ userId: user.id, day: today }).onConflictDoNothing().returning();
      if (claimed.length === 0) return false;
      const body = await digestBody(tx, user.id, now, today);
      if (body === null) return false;
      await enqueueMail(tx, { template: 'digest', recipient: user.email, caseId: null, subject: t.digestSubject(formatDate(today)), body });
      return true;
    });
    if (mailed) sent++;
  }
  if (sent > 0) log.info({ event: 'digest.sent', mails: sent, day: today });
  return sent;
}

/** Checks every few minutes in each app instance whether today's digests are due. */
export function startDigestWorker(): () => void {
  return runPeriodically('digest', () => runDigest(), INTERVAL_MS);
}
