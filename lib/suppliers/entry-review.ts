import { and, asc, count, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { type Company, type CompanyChanges, companies, companyEntryChanges, companyEvents } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { messages } from '../i18n';
import { log } from '../log';
import type { EntryReview } from './entry-schema';
import type { CompanyInput } from './schema';
import { companyInputOf, saveCompany } from './write';

const t = messages.entries;

export interface PendingEntryChange {
  id: number;
  companyId: number;
  company: string;
  companyVersion: number;
  changes: CompanyChanges;
  createdAt: Date;
}

/** Proposals waiting for review, oldest first; of one company, or of all. */
export async function pendingEntryChanges(companyId?: number): Promise<PendingEntryChange[]> {
  const rows = await db
    .select({
      id: companyEntryChanges.id,
      companyId: companyEntryChanges.companyId,
      company: companies.name,
      companyVersion: companies.version,
      changes: companyEntryChanges.changes,
      createdAt: companyEntryChanges.createdAt,
    })
    .from(companyEntryChanges)
    .innerJoin(companies, eq(companies.id, companyEntryChanges.companyId))
    .where(and(eq(companyEntryChanges.status, 'pending'), companyId ? eq(companyEntryChanges.companyId, companyId) : undefined))
    .orderBy(asc(companyEntryChanges.createdAt), asc(companyEntryChanges.id));
  // Proposals are written only as CompanyChanges (lib/suppliers/entry-answer.ts).
  return rows as PendingEntryChange[];
}

/** How many proposals wait (the count beside the link to the review list). */
export async function pendingEntryChangeCount(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(companyEntryChanges).where(eq(companyEntryChanges.status, 'pending'));
  return row?.n ?? 0;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The input that applies the proposed values; a new place is geocoded again. */
function inputWith(company: Company, changes: CompanyChanges): CompanyInput {
  const input: Record<string, unknown> = { ...companyInputOf(company) };
  for (const [field, { to }] of Object.entries(changes)) input[field] = to ?? undefined;
  if (changes.postalCode || changes.city) {
    input.latitude = undefined;
    input.longitude = undefined;
  }
  return input as CompanyInput;
}

/**
 * Applies or rejects a company's proposal in one transaction, with `change_reviewed` (and the
 * `updated` event of the applied fields) in the history. Refused when someone changed the
 * company since the reviewer loaded it, or when a proposed field no longer holds the value the
 * company saw: applying would silently undo that change.
 */
export async function reviewEntryChange(actor: StaffUser, review: EntryReview): Promise<ActionResult<{ companyId: number }>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ActionResult<{ companyId: number }>> => {
    const [change] = await tx
      .select()
      .from(companyEntryChanges)
      .where(and(eq(companyEntryChanges.id, review.changeId), eq(companyEntryChanges.status, 'pending')))
      .for('update');
    if (!change) return { ok: false, error: t.changeGone };
    const [company] = await tx.select().from(companies).where(eq(companies.id, change.companyId)).for('update');
    if (!company) return { ok: false, error: messages.suppliers.notFound };
    if (company.version !== review.version) return { ok: false, error: t.changedSinceLoad };
    const changes = change.changes as CompanyChanges;
    if (review.apply) {
      const moved = Object.keys(changes).filter((field) => !same(company[field as keyof Company], changes[field]!.from));
      if (moved.length > 0) {
        const labels = messages.suppliers.fields as Record<string, string>;
        return { ok: false, error: t.changedSinceProposal(moved.map((field) => labels[field] ?? field).join(', ')) };
      }
      await saveCompany(tx, inputWith(company, changes), { existing: company, actorId: actor.id });
    }
    await tx
      .update(companyEntryChanges)
      .set({ status: review.apply ? 'applied' : 'rejected', reviewedById: actor.id, reviewedAt: new Date() })
      .where(eq(companyEntryChanges.id, change.id));
    await tx.insert(companyEvents).values({
      companyId: company.id,
      type: 'change_reviewed',
      actorId: actor.id,
      data: { changeId: change.id, applied: review.apply, changes },
    });
    log.info({ event: 'entry_change.reviewed', changeId: change.id, applied: review.apply, by: actor.id });
    return { ok: true, data: { companyId: company.id } };
  });
}
