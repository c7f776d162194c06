import { and, eq, isNull } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, companies, introductions, type Introduction } from '../../db/schema';
import { recordCaseEvents } from '../cases/events';
import { lockCase } from '../cases/update';
import { consumeAccessLink, verifyAccessLink } from '../conversations/access-links';
import { log } from '../log';
import { isOpenOutcome } from './outcomes';
import type { Feedback } from './schema';

/** What the feedback page shows: the case reference and the supplier's name, nothing else. */
export async function loadFeedbackRequest(linkId: number): Promise<{ reference: string; company: string } | undefined> {
  const [row] = await db
    .select({ reference: cases.reference, company: companies.name })
    .from(introductions)
    .innerJoin(cases, eq(cases.id, introductions.caseId))
    .innerJoin(companies, eq(companies.id, introductions.companyId))
    .where(and(eq(introductions.feedbackLinkId, linkId), isNull(cases.anonymisedAt)));
  return row;
}

/**
 * Whether staff settled the outcome after the requester was asked: then the requester's answer
 * no longer changes it. Before the mail, whatever staff had is what the requester is asked about.
 */
function settledByStaffSince(row: Introduction): boolean {
  return (
    row.outcomeSource === 'staff' &&
    !isOpenOutcome(row.outcome) &&
    row.outcomeChangedAt !== null &&
    row.feedbackRequestedAt !== null &&
    row.outcomeChangedAt > row.feedbackRequestedAt
  );
}

export type FeedbackResult = { ok: true; applied: boolean } | { ok: false };

/**
 * Records the requester's answer from a feedback link: the introduction's outcome, marked as
 * coming from the requester, its history line, and the link used up, in one transaction. The
 * answer may skip the staff transitions (a requester reports what happened, pending → agreement
 * included); staff can change it afterwards as usual, and their change wins.
 */
export async function recordRequesterFeedback(
  input: Pick<Feedback, 'token' | 'answer' | 'agreementKind'>,
  now = new Date(),
): Promise<FeedbackResult> {
  return db.transaction(async (tx): Promise<FeedbackResult> => {
    const link = await verifyAccessLink(input.token, 'introduction_feedback', { now, executor: tx });
    if (!link.ok) {
      log.info({ event: 'feedback.rejected', why: link.reason });
      return { ok: false };
    }
    const [ref] = await tx
      .select({ caseId: introductions.caseId })
      .from(introductions)
      .where(eq(introductions.feedbackLinkId, link.link.id));
    // The case first, as every introduction change locks it: the same order, no deadlock.
    const current = ref && (await lockCase(tx, ref.caseId));
    const [row] = await tx
      .select({ introduction: introductions, company: companies.name })
      .from(introductions)
      .innerJoin(companies, eq(companies.id, introductions.companyId))
      .where(eq(introductions.feedbackLinkId, link.link.id))
      .for('update', { of: introductions });
    if (!current || current.anonymisedAt || !row) return { ok: false };
    // A second use of the same link, even a concurrent one, finds it used and changes nothing.
    if (!(await consumeAccessLink(tx, link.link.id, now))) return { ok: false };
    const { introduction: before, company } = row;
    if (settledByStaffSince(before)) {
      log.info({ event: 'feedback.not_applied', introductionId: before.id });
      return { ok: true, applied: false };
    }
    const agreementKind = input.answer === 'agreement' ? (input.agreementKind ?? null) : null;
    await tx
      .update(introductions)
      .set({
        outcome: input.answer,
        agreementKind,
        outcomeSource: 'requester',
        outcomeChangedAt: now,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(introductions.id, before.id));
    await recordCaseEvents(tx, [
      {
        caseId: current.id,
        actorId: null,
        createdAt: now,
        type: 'introduction_outcome',
        data: { introductionId: before.id, company, from: before.outcome, to: input.answer, agreementKind, source: 'requester' },
      },
    ]);
    log.info({ event: 'feedback.recorded', introductionId: before.id, outcome: input.answer });
    return { ok: true, applied: true };
  });
}
