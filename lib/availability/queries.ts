import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { availabilityChecks, supplierConsents, users } from '../../db/schema';

/** The checks and consents of a case, by company, for the shortlist. */
export async function caseAvailability(caseId: number) {
  const [checks, consents] = await Promise.all([
    db
      .select({
        companyId: availabilityChecks.companyId,
        sentAt: availabilityChecks.sentAt,
        reminders: availabilityChecks.reminders,
        answer: availabilityChecks.answer,
        quantity: availabilityChecks.quantity,
        leadTime: availabilityChecks.leadTime,
        priceNote: availabilityChecks.priceNote,
        note: availabilityChecks.note,
        answeredAt: availabilityChecks.answeredAt,
      })
      .from(availabilityChecks)
      .where(eq(availabilityChecks.caseId, caseId)),
    db
      .select({
        companyId: supplierConsents.companyId,
        source: supplierConsents.source,
        textVersion: supplierConsents.textVersion,
        recordedBy: users.name,
        note: supplierConsents.note,
        givenAt: supplierConsents.givenAt,
      })
      .from(supplierConsents)
      .leftJoin(users, eq(users.id, supplierConsents.recordedById))
      .where(eq(supplierConsents.caseId, caseId)),
  ]);
  return {
    checks: new Map(checks.map((c) => [c.companyId, c])),
    consents: new Map(consents.map((c) => [c.companyId, c])),
  };
}
export type CaseAvailability = Awaited<ReturnType<typeof caseAvailability>>;
export type CheckState = CaseAvailability['checks'] extends Map<number, infer T> ? T : never;
export type ConsentState = CaseAvailability['consents'] extends Map<number, infer T> ? T : never;
