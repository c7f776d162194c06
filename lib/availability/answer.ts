import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { availabilityChecks, type CaseEventRow, companies, supplierConsents } from '../../db/schema';
import { recordCaseEvents } from '../cases/events';
import { consumeAccessLink } from '../conversations/access-links';
import { loadNeed } from './need';
import { SUPPLIER_CONSENT_VERSION } from './consent';
import type { AvailabilityAnswerValues } from './schema';

/** What the supplier's page shows for a verified link: the need and the company's own name. */
export async function loadCheckPage(linkId: number) {
  const [check] = await db
    .select({ caseId: availabilityChecks.caseId, company: companies.name })
    .from(availabilityChecks)
    .innerJoin(companies, eq(companies.id, availabilityChecks.companyId))
    .where(eq(availabilityChecks.linkId, linkId));
  if (!check) return undefined;
  const need = await loadNeed(db, check.caseId);
  return need && { company: check.company, need };
}

/**
 * Stores the supplier's answer and uses up its link in one transaction: of two submits of the
 * same link exactly one is stored. A consent is written only when its box was ticked.
 */
export async function recordAvailabilityAnswer(
  linkId: number,
  input: AvailabilityAnswerValues,
  now = new Date(),
): Promise<{ ok: true; consent: boolean } | { ok: false }> {
  return db.transaction(async (tx) => {
    const [check] = await tx
      .select({
        id: availabilityChecks.id,
        caseId: availabilityChecks.caseId,
        companyId: availabilityChecks.companyId,
        company: companies.name,
      })
      .from(availabilityChecks)
      .innerJoin(companies, eq(companies.id, availabilityChecks.companyId))
      .where(eq(availabilityChecks.linkId, linkId))
      .for('update', { of: availabilityChecks });
    if (!check || !(await consumeAccessLink(tx, linkId, now))) return { ok: false } as const;
    const delivers = input.answer !== 'no';
    await tx
      .update(availabilityChecks)
      .set({
        answer: input.answer,
        quantity: delivers ? (input.quantity ?? null) : null,
        leadTime: delivers ? (input.leadTime ?? null) : null,
        priceNote: delivers ? (input.priceNote ?? null) : null,
        note: input.note || null,
        answeredAt: now,
      })
      .where(eq(availabilityChecks.id, check.id));
    const base = { caseId: check.caseId, createdAt: now };
    const company = { companyId: check.companyId, company: check.company };
    const events: CaseEventRow[] = [
      { ...base, type: 'availability_answered', data: { checkId: check.id, ...company, answer: input.answer } },
    ];
    if (input.consent) {
      // A consent staff recorded by phone before stays; the supplier's own adds nothing new.
      const inserted = await tx
        .insert(supplierConsents)
        .values({
          caseId: check.caseId,
          companyId: check.companyId,
          source: 'supplier_link',
          textVersion: SUPPLIER_CONSENT_VERSION,
          availabilityCheckId: check.id,
          givenAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: supplierConsents.id });
      if (inserted.length > 0) events.push({ ...base, type: 'consent_recorded', data: { ...company, source: 'supplier_link' } });
    }
    await recordCaseEvents(tx, events);
    return { ok: true, consent: input.consent } as const;
  });
}
