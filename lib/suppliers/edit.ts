import { and, desc, eq, ne } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { companies, companyEvents, users } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { messages } from '../i18n';
import { log } from '../log';
import type { CompanyEdit } from './form';
import type { CompanyInput } from './schema';
import { findExisting, saveCompany } from './write';

const t = messages.suppliers;

/** A refused save after someone else's carries the version it is now. */
export type CompanyChangeResult = ActionResult<{ id: number; version: number }, { currentVersion: number }>;

async function externalIdTaken(tx: Executor, externalId: string | undefined, exceptId?: number): Promise<boolean> {
  if (!externalId) return false;
  const [row] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(exceptId ? and(eq(companies.externalId, externalId), ne(companies.id, exceptId)) : eq(companies.externalId, externalId));
  return Boolean(row);
}

/** A company staff enter by hand; refused when it already exists (same external id, or name and postal code). */
export async function createCompany(actor: StaffUser, input: CompanyInput): Promise<CompanyChangeResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<CompanyChangeResult> => {
    if (await externalIdTaken(tx, input.externalId)) {
      return { ok: false, error: t.externalIdTaken, fieldErrors: { externalId: t.externalIdTaken } };
    }
    if (await findExisting(tx, input)) return { ok: false, error: t.exists, fieldErrors: { name: t.exists } };
    const { id } = await saveCompany(tx, input, { actorId: actor.id, existing: null });
    log.info({ event: 'company.created', companyId: id, by: actor.id });
    return { ok: true, data: { id, version: 1 } };
  });
}

async function lastEditorName(tx: Executor, companyId: number): Promise<string | null> {
  const [row] = await tx
    .select({ name: users.name })
    .from(companyEvents)
    .leftJoin(users, eq(users.id, companyEvents.actorId))
    .where(eq(companyEvents.companyId, companyId))
    .orderBy(desc(companyEvents.id))
    .limit(1);
  return row?.name ?? null;
}

/**
 * Saves an edit against the version the form was loaded with, with the changes in the
 * history. A stale version is refused (someone saved in between) and nothing is overwritten.
 */
export async function updateCompany(actor: StaffUser, { id, version, ...company }: CompanyEdit): Promise<CompanyChangeResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<CompanyChangeResult> => {
    const [current] = await tx.select().from(companies).where(eq(companies.id, id)).for('update');
    if (!current) return { ok: false, error: t.notFound };
    if (current.version !== version) {
      return { ok: false, error: t.conflict(await lastEditorName(tx, current.id)), currentVersion: current.version };
    }
    if (await externalIdTaken(tx, company.externalId, current.id)) {
      return { ok: false, error: t.externalIdTaken, fieldErrors: { externalId: t.externalIdTaken } };
    }
    // The form does not show where a record came from; an edit keeps it.
    const input = { ...company, source: company.source ?? current.source ?? undefined };
    const { outcome } = await saveCompany(tx, input, { actorId: actor.id, existing: current });
    if (outcome === 'updated') log.info({ event: 'company.updated', companyId: current.id, by: actor.id });
    return { ok: true, data: { id: current.id, version: outcome === 'updated' ? current.version + 1 : current.version } };
  });
}
