import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { companies, introductions, shortlistEntries, users } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { lockCase, writeChange } from '../cases/update';
import { messages } from '../i18n';

const m = messages.introductions;

/** A company's name, or undefined when there is no such company. */
export async function companyName(tx: Executor, companyId: number): Promise<string | undefined> {
  const [row] = await tx.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId));
  return row?.name;
}

/** Puts a candidate on the case's shortlist; the case history records it. */
export async function addToShortlist(
  actor: StaffUser,
  input: { caseId: number; companyId: number; note: string },
): Promise<ActionResult<null>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ActionResult<null>> => {
    const current = await lockCase(tx, input.caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    const name = await companyName(tx, input.companyId);
    if (!name) return { ok: false, error: m.errors.companyNotFound };
    const inserted = await tx
      .insert(shortlistEntries)
      .values({ caseId: input.caseId, companyId: input.companyId, note: input.note, addedById: actor.id })
      .onConflictDoNothing()
      .returning({ id: shortlistEntries.id });
    if (inserted.length === 0) return { ok: false, error: m.shortlist.alreadyThere };
    await writeChange(tx, actor, current, {}, [
      { type: 'shortlist_added', data: { companyId: input.companyId, company: name, note: input.note || null } },
    ]);
    return { ok: true, data: null };
  });
}

export async function removeFromShortlist(actor: StaffUser, input: { caseId: number; companyId: number }): Promise<ActionResult<null>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ActionResult<null>> => {
    const current = await lockCase(tx, input.caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    const removed = await tx
      .delete(shortlistEntries)
      .where(and(eq(shortlistEntries.caseId, input.caseId), eq(shortlistEntries.companyId, input.companyId)))
      .returning({ id: shortlistEntries.id });
    if (removed.length === 0) return { ok: false, error: m.shortlist.notThere };
    const name = (await companyName(tx, input.companyId)) ?? `#${input.companyId}`;
    await writeChange(tx, actor, current, {}, [{ type: 'shortlist_removed', data: { companyId: input.companyId, company: name } }]);
    return { ok: true, data: null };
  });
}

export interface ShortlistItem {
  companyId: number;
  name: string;
  city: string;
  postalCode: string;
  email: string | null;
  note: string;
  addedBy: string | null;
  createdAt: Date;
  /** How often this company has already been introduced for the case. */
  introductions: number;
}

/** The case's shortlist in the order it was built. */
export function loadShortlist(caseId: number): Promise<ShortlistItem[]> {
  return db
    .select({
      companyId: shortlistEntries.companyId,
      name: companies.name,
      city: companies.city,
      postalCode: companies.postalCode,
      email: companies.email,
      note: shortlistEntries.note,
      addedBy: users.name,
      createdAt: shortlistEntries.createdAt,
      introductions: sql<number>`(select count(*)::int from ${introductions} i
        where i.case_id = ${shortlistEntries.caseId} and i.company_id = ${shortlistEntries.companyId})`,
    })
    .from(shortlistEntries)
    .innerJoin(companies, eq(companies.id, shortlistEntries.companyId))
    .leftJoin(users, eq(users.id, shortlistEntries.addedById))
    .where(eq(shortlistEntries.caseId, caseId))
    .orderBy(asc(shortlistEntries.createdAt), asc(shortlistEntries.id));
}
