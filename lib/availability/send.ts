import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../../db/client';
import { availabilityChecks, type CaseEvent, companies, shortlistEntries } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { isClosed } from '../cases/lifecycle';
import { lockCase, writeChange } from '../cases/update';
import { config } from '../config';
import { createAccessLink } from '../conversations/access-links';
import { messages } from '../i18n';
import { mailCheck, revokeLink } from './links';
import { loadNeed } from './need';

const t = messages.availability;

export interface SendChecksReport {
  sent: string[];
  /** Shortlisted suppliers without an email address: asked by phone, if at all. */
  noEmail: string[];
  /** Suppliers that already answered this case: their answer stands. */
  answered: string[];
}

/**
 * Asks shortlisted suppliers whether they can serve the case's need: per supplier a fresh
 * single-use link, its check row, the mail and the event, all in one transaction. Asking again
 * before an answer replaces the link (the old one stops working) and starts the reminders anew.
 */
export async function sendAvailabilityChecks(
  actor: StaffUser,
  input: { caseId: number; companyIds: number[] },
  now = new Date(),
): Promise<ActionResult<SendChecksReport>> {
  assertRole(actor, 'expert');
  const companyIds = [...new Set(input.companyIds)];
  return db.transaction(async (tx): Promise<ActionResult<SendChecksReport>> => {
    const current = await lockCase(tx, input.caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    if (isClosed(current.status)) return { ok: false, error: t.caseClosed };
    const listed = await tx
      .select({ id: companies.id, name: companies.name, email: companies.email })
      .from(shortlistEntries)
      .innerJoin(companies, eq(companies.id, shortlistEntries.companyId))
      .where(and(eq(shortlistEntries.caseId, current.id), inArray(shortlistEntries.companyId, companyIds)))
      .orderBy(shortlistEntries.createdAt, shortlistEntries.id);
    if (listed.length !== companyIds.length) return { ok: false, error: t.notShortlisted, fieldErrors: { companyIds: t.notShortlisted } };
    const earlier = new Map(
      (
        await tx
          .select()
          .from(availabilityChecks)
          .where(and(eq(availabilityChecks.caseId, current.id), inArray(availabilityChecks.companyId, companyIds)))
          .for('update')
      ).map((check) => [check.companyId, check]),
    );
    const need = (await loadNeed(tx, current.id))!;
    const report: SendChecksReport = { sent: [], noEmail: [], answered: [] };
    const events: CaseEvent[] = [];
    for (const company of listed) {
      const before = earlier.get(company.id);
      if (!company.email) {
        report.noEmail.push(company.name);
        continue;
      }
      if (before?.answeredAt) {
        report.answered.push(company.name);
        continue;
      }
      const link = await createAccessLink(tx, {
        purpose: 'availability_check',
        caseId: current.id,
        companyId: company.id,
        days: config().AVAILABILITY_LINK_DAYS,
        now,
      });
      const values = { linkId: link.id, recipient: company.email, sentById: actor.id, sentAt: now, remindedAt: null, reminders: 0 };
      let checkId: number;
      if (before) {
        await revokeLink(tx, before.linkId, now);
        await tx.update(availabilityChecks).set(values).where(eq(availabilityChecks.id, before.id));
        checkId = before.id;
      } else {
        const [row] = await tx
          .insert(availabilityChecks)
          .values({ caseId: current.id, companyId: company.id, ...values })
          .returning({ id: availabilityChecks.id });
        checkId = row!.id;
      }
      await mailCheck(tx, { caseId: current.id, recipient: company.email, company: company.name, need, link, reminder: false });
      events.push({ type: 'availability_check_sent', data: { checkId, companyId: company.id, company: company.name } });
      report.sent.push(company.name);
    }
    if (events.length === 0) {
      const reasons = [
        report.noEmail.length > 0 ? t.skippedNoEmail(report.noEmail.join(', ')) : '',
        report.answered.length > 0 ? t.skippedAnswered(report.answered.join(', ')) : '',
      ];
      return { ok: false, error: [t.nothingSent, ...reasons].filter(Boolean).join(' ') };
    }
    await writeChange(tx, actor, current, {}, events);
    return { ok: true, data: report };
  });
}
