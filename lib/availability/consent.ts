import { and, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { introductions, supplierConsents } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { lockCase, writeChange } from '../cases/update';
import { messages } from '../i18n';
import { companyName } from '../introductions/shortlist';

/**
 * The version of the consent text on the supplier's page (messages.availability.consentLabel).
 * Change it with the text: each stored consent names the wording the supplier agreed to.
 */
export const SUPPLIER_CONSENT_VERSION = '2026-12';

/**
 * SQL: whether the introduced supplier agreed that its contact details go to the requester
 * (what introductions.contact_shared used to store as a box staff ticked).
 */
export const introductionContactShared = sql<boolean>`exists (select 1 from ${supplierConsents}
  where ${supplierConsents.caseId} = ${introductions.caseId} and ${supplierConsents.companyId} = ${introductions.companyId})`;

/** Whether the supplier agreed that its contact details go to this case's requester. */
export async function hasConsent(executor: Executor, caseId: number, companyId: number): Promise<boolean> {
  const [row] = await executor
    .select({ id: supplierConsents.id })
    .from(supplierConsents)
    .where(and(eq(supplierConsents.caseId, caseId), eq(supplierConsents.companyId, companyId)));
  return row !== undefined;
}

/** Staff write down a consent the supplier gave on the phone, with what was said. */
export async function recordPhoneConsent(
  actor: StaffUser,
  input: { caseId: number; companyId: number; note: string },
): Promise<ActionResult<null>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ActionResult<null>> => {
    const current = await lockCase(tx, input.caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    const company = await companyName(tx, input.companyId);
    if (!company) return { ok: false, error: messages.introductions.errors.companyNotFound };
    const inserted = await tx
      .insert(supplierConsents)
      .values({ caseId: current.id, companyId: input.companyId, source: 'staff_phone', recordedById: actor.id, note: input.note })
      .onConflictDoNothing()
      .returning({ id: supplierConsents.id });
    if (inserted.length === 0) return { ok: false, error: messages.availability.consentExists };
    await writeChange(tx, actor, current, {}, [
      { type: 'consent_recorded', data: { companyId: input.companyId, company, source: 'staff_phone', note: input.note } },
    ]);
    return { ok: true, data: null };
  });
}
