import { and, asc, eq, gte, isNull, lte, notInArray } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, companies, introductions, type CaseEventRow, type CaseStatus } from '../../db/schema';
import { recordCaseEvents } from '../cases/events';
import { config } from '../config';
import { createAccessLink, signedLinkToken } from '../conversations/access-links';
import { messages } from '../i18n';
import { log } from '../log';
import { enqueueMail } from '../outbox/enqueue';
import { runPeriodically } from '../periodic';
import { addDays, berlinDate, MINUTE_MS } from '../time';
import { introductionContactShared } from '../availability/consent';

/**
 * Introductions older than this window are never asked about: when the feature arrives, the
 * years of introductions before it are not all mailed at once.
 */
export const FEEDBACK_WINDOW_DAYS = 30;
/** Cases that were never a real need: nobody to ask. */
const NOT_ASKED: CaseStatus[] = ['spam', 'duplicate'];
/** Introductions claimed per run; the rest wait for the next run. */
const BATCH = 200;

export const feedbackPathOf = (token: string) => `/request/feedback/${token}`;

/**
 * Asks requesters how their introductions went, FEEDBACK_AFTER_DAYS after each: one mail per case
 * listing every due supplier with its own single-use link. The rows are claimed with
 * FOR UPDATE SKIP LOCKED and marked in the same transaction as the mail and the events, so two
 * instances (or ticks) never ask twice. Only introductions whose contact was shared are asked
 * about: otherwise the requester may not know the supplier, and its name is not ours to give.
 */
export async function requestFeedback(options: { now?: Date } = {}): Promise<{ mails: number; introductions: number }> {
  const now = options.now ?? new Date();
  const { FEEDBACK_AFTER_DAYS, FEEDBACK_LINK_DAYS, baseUrl } = config();
  const today = berlinDate(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: introductions.id,
        caseId: introductions.caseId,
        companyId: introductions.companyId,
        company: companies.name,
        reference: cases.reference,
        contactName: cases.contactName,
        email: cases.email,
      })
      .from(introductions)
      .innerJoin(cases, eq(cases.id, introductions.caseId))
      .innerJoin(companies, eq(companies.id, introductions.companyId))
      .where(
        and(
          isNull(introductions.feedbackRequestedAt),
          lte(introductions.introducedOn, addDays(today, -FEEDBACK_AFTER_DAYS)),
          gte(introductions.introducedOn, addDays(today, -FEEDBACK_AFTER_DAYS - FEEDBACK_WINDOW_DAYS)),
          introductionContactShared,
          isNull(cases.anonymisedAt),
          notInArray(cases.status, NOT_ASKED),
        ),
      )
      .orderBy(asc(introductions.caseId), asc(introductions.id))
      .limit(BATCH)
      .for('update', { of: introductions, skipLocked: true });

    const byCase = new Map<number, typeof due>();
    for (const row of due) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
    for (const [caseId, rows] of byCase) {
      const lines: { company: string; url: string }[] = [];
      const events: CaseEventRow[] = [];
      for (const row of rows) {
        const link = await createAccessLink(tx, {
          purpose: 'introduction_feedback',
          caseId,
          companyId: row.companyId,
          days: FEEDBACK_LINK_DAYS,
          now,
        });
        await tx.update(introductions).set({ feedbackRequestedAt: now, feedbackLinkId: link.id }).where(eq(introductions.id, row.id));
        lines.push({ company: row.company, url: `${baseUrl}${feedbackPathOf(signedLinkToken(link.id))}` });
        events.push({
          caseId,
          actorId: null,
          createdAt: now,
          type: 'feedback_requested',
          data: { introductionId: row.id, company: row.company },
        });
      }
      const first = rows[0]!;
      await enqueueMail(tx, {
        template: 'introduction_feedback',
        recipient: first.email,
        caseId,
        subject: messages.feedback.mailSubject(first.reference),
        body: messages.feedback.mailBody({ contactName: first.contactName, reference: first.reference, lines, days: FEEDBACK_LINK_DAYS }),
      });
      await recordCaseEvents(tx, events);
    }
    if (due.length > 0) log.info({ event: 'feedback.requested', cases: byCase.size, introductions: due.length });
    return { mails: byCase.size, introductions: due.length };
  });
}

export function startFeedbackWorker(): () => void {
  const intervalMs = config().FEEDBACK_INTERVAL_SECONDS * 1000;
  return runPeriodically('feedback', () => requestFeedback(), intervalMs, Math.min(intervalMs, MINUTE_MS));
}
