import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn, AnyPgTable } from 'drizzle-orm/pg-core';
import { db, type Executor, searchDb } from '../../db/client';
import {
  accessLinks,
  availabilityChecks,
  capacityOffers,
  companies,
  companyEntryChanges,
  companyEvents,
  introductions,
  shortlistEntries,
  supplierConsents,
} from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { messages } from '../i18n';
import { log } from '../log';
import type { MergeInput } from './entry-schema';

const t = messages.entries;

export type MergeCounts = Record<keyof typeof t.mergeCounts, number>;

/** `table.column` spelled out: drizzle leaves columns unqualified in some places, and in a subquery on the same table that would name the inner row. */
const qualified = (table: AnyPgTable, column: AnyPgColumn) => sql`${table}.${sql.identifier(column.name)}`;

/** How many rows of each kind point to a company: what a merge moves (zeros when it is gone). */
export async function referenceCounts(executor: Executor, companyId: number): Promise<MergeCounts> {
  const rowsOf = (table: AnyPgTable, column: AnyPgColumn) =>
    sql<number>`(select count(*)::int from ${table} where ${qualified(table, column)} = ${qualified(companies, companies.id)})`;
  const [row] = await executor
    .select({
      introductions: rowsOf(introductions, introductions.companyId),
      shortlist: rowsOf(shortlistEntries, shortlistEntries.companyId),
      availabilityChecks: rowsOf(availabilityChecks, availabilityChecks.companyId),
      consents: rowsOf(supplierConsents, supplierConsents.companyId),
      offers: rowsOf(capacityOffers, capacityOffers.companyId),
      links: rowsOf(accessLinks, accessLinks.companyId),
      events: rowsOf(companyEvents, companyEvents.companyId),
      entryChanges: rowsOf(companyEntryChanges, companyEntryChanges.companyId),
    })
    .from(companies)
    .where(eq(companies.id, companyId));
  const zero = { introductions: 0, shortlist: 0, availabilityChecks: 0, consents: 0, offers: 0, links: 0, events: 0, entryChanges: 0 };
  return Object.fromEntries(Object.entries(row ?? zero).map(([key, n]) => [key, Number(n)])) as MergeCounts;
}

export interface MergePreview {
  id: number;
  name: string;
  postalCode: string;
  city: string;
  version: number;
  counts: MergeCounts;
}

/** The duplicate staff picked, with what would move; undefined when it does not exist. */
export async function mergePreview(removeId: number): Promise<MergePreview | undefined> {
  const [company] = await db
    .select({ id: companies.id, name: companies.name, postalCode: companies.postalCode, city: companies.city, version: companies.version })
    .from(companies)
    .where(eq(companies.id, removeId));
  return company && { ...company, counts: await referenceCounts(db, removeId) };
}

/** Companies whose name looks like this one's (trigram similarity), the likeliest duplicates first. */
export async function duplicateCandidates(companyId: number, limit = 5) {
  const [self] = await db.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId));
  if (!self) return [];
  const similarity = sql<number>`similarity(lower(${companies.name}), lower(${self.name}))`;
  return searchDb
    .select({ id: companies.id, name: companies.name, postalCode: companies.postalCode, city: companies.city })
    .from(companies)
    .where(and(ne(companies.id, companyId), sql`lower(${companies.name}) % lower(${self.name})`))
    .orderBy(sql`${similarity} desc`, asc(companies.id))
    .limit(limit);
}

/**
 * Shortlist entries of both companies on one case become one: the kept company's, with both
 * notes. The removed company's entries on other cases simply move.
 */
async function mergeShortlists(tx: Executor, keepId: number, removeId: number): Promise<void> {
  const doubled = await tx
    .select({ caseId: shortlistEntries.caseId, note: shortlistEntries.note })
    .from(shortlistEntries)
    .where(
      and(
        eq(shortlistEntries.companyId, removeId),
        sql`exists (select 1 from ${shortlistEntries} kept where kept.case_id = ${qualified(shortlistEntries, shortlistEntries.caseId)} and kept.company_id = ${keepId})`,
      ),
    );
  for (const { caseId, note } of doubled) {
    if (note) {
      await tx
        .update(shortlistEntries)
        .set({ note: sql`case when ${shortlistEntries.note} = '' then ${note} else ${shortlistEntries.note} || E'\n' || ${note} end` })
        .where(and(eq(shortlistEntries.caseId, caseId), eq(shortlistEntries.companyId, keepId)));
    }
  }
  if (doubled.length > 0) {
    const cases = doubled.map((d) => d.caseId);
    await tx.delete(shortlistEntries).where(and(eq(shortlistEntries.companyId, removeId), inArray(shortlistEntries.caseId, cases)));
  }
  await tx.update(shortlistEntries).set({ companyId: keepId }).where(eq(shortlistEntries.companyId, removeId));
}

/**
 * One availability check per case and company: when both were asked on one case, the answered
 * check stays (the kept company's if both or neither answered); the other goes, and its link
 * stops working. Consents likewise: the kept company's stays, the removed one's goes.
 */
async function mergeChecksAndConsents(tx: Executor, keepId: number, removeId: number, now: Date): Promise<void> {
  const pairs = await tx
    .select({
      caseId: availabilityChecks.caseId,
      removedId: availabilityChecks.id,
      removedLink: availabilityChecks.linkId,
      removedAnswered: availabilityChecks.answeredAt,
      keptId: sql<number>`kept.id`,
      keptLink: sql<number>`kept.link_id`,
      keptAnswered: sql<Date | null>`kept.answered_at`,
    })
    .from(availabilityChecks)
    .innerJoin(
      sql`${availabilityChecks} kept`,
      sql`kept.case_id = ${qualified(availabilityChecks, availabilityChecks.caseId)} and kept.company_id = ${keepId}`,
    )
    .where(eq(availabilityChecks.companyId, removeId));
  const dropped = pairs.map((p) =>
    p.removedAnswered && !p.keptAnswered ? { id: p.keptId, linkId: p.keptLink } : { id: p.removedId, linkId: p.removedLink },
  );
  if (dropped.length > 0) {
    await tx.delete(availabilityChecks).where(
      inArray(
        availabilityChecks.id,
        dropped.map((d) => d.id),
      ),
    );
    await tx
      .update(accessLinks)
      .set({ revokedAt: now })
      .where(
        and(
          inArray(
            accessLinks.id,
            dropped.map((d) => d.linkId),
          ),
          isNull(accessLinks.revokedAt),
        ),
      );
  }
  await tx.update(availabilityChecks).set({ companyId: keepId }).where(eq(availabilityChecks.companyId, removeId));

  await tx
    .delete(supplierConsents)
    .where(
      and(
        eq(supplierConsents.companyId, removeId),
        sql`exists (select 1 from ${supplierConsents} kept where kept.case_id = ${qualified(supplierConsents, supplierConsents.caseId)} and kept.company_id = ${keepId})`,
      ),
    );
  await tx.update(supplierConsents).set({ companyId: keepId }).where(eq(supplierConsents.companyId, removeId));
}

export type MergeResult = ActionResult<{ keepId: number; counts: MergeCounts }>;

/**
 * Merges the duplicate `removeId` into `keepId` in one transaction: every reference moves to
 * the kept company (introductions, shortlists, availability checks, consents, offers, links,
 * history, proposed changes), the duplicate is deleted and the kept company's history says
 * `merged`. Case events keep their text (they name the company as it was). Refused when
 * either company changed since the preview.
 */
export async function mergeCompanies(actor: StaffUser, input: MergeInput, now = new Date()): Promise<MergeResult> {
  assertRole(actor, 'expert');
  if (input.keepId === input.removeId) return { ok: false, error: t.mergeSelf };
  return db.transaction(async (tx): Promise<MergeResult> => {
    // Both rows locked in id order: two merges of the same pair cannot deadlock.
    const locked = await tx
      .select({ id: companies.id, name: companies.name, version: companies.version, externalId: companies.externalId })
      .from(companies)
      .where(inArray(companies.id, [input.keepId, input.removeId]))
      .orderBy(asc(companies.id))
      .for('update');
    const keep = locked.find((c) => c.id === input.keepId);
    const remove = locked.find((c) => c.id === input.removeId);
    if (!keep) return { ok: false, error: messages.suppliers.notFound };
    if (!remove) return { ok: false, error: t.mergeNotFound };
    if (keep.version !== input.keepVersion || remove.version !== input.removeVersion) return { ok: false, error: t.mergeConflict };

    const counts = await referenceCounts(tx, remove.id);
    const { keepId, removeId } = input;
    await tx.update(introductions).set({ companyId: keepId }).where(eq(introductions.companyId, removeId));
    await mergeShortlists(tx, keepId, removeId);
    await mergeChecksAndConsents(tx, keepId, removeId, now);
    await tx.update(capacityOffers).set({ companyId: keepId }).where(eq(capacityOffers.companyId, removeId));
    await tx.update(accessLinks).set({ companyId: keepId }).where(eq(accessLinks.companyId, removeId));
    await tx.update(companyEvents).set({ companyId: keepId }).where(eq(companyEvents.companyId, removeId));
    await tx.update(companyEntryChanges).set({ companyId: keepId }).where(eq(companyEntryChanges.companyId, removeId));
    await tx.delete(companies).where(eq(companies.id, removeId));
    // The duplicate's external id stays known: the next import would create it again otherwise.
    const externalId = keep.externalId ?? remove.externalId;
    await tx
      .update(companies)
      .set({ externalId, version: keep.version + 1, updatedAt: now })
      .where(eq(companies.id, keepId));
    if (externalId !== keep.externalId) {
      await tx.insert(companyEvents).values({
        companyId: keepId,
        type: 'updated',
        actorId: actor.id,
        data: { changes: { externalId: { from: keep.externalId, to: externalId } } },
        createdAt: now,
      });
    }
    await tx.insert(companyEvents).values({
      companyId: keepId,
      type: 'merged',
      actorId: actor.id,
      data: { mergedId: remove.id, mergedName: remove.name },
      createdAt: now,
    });
    log.info({ event: 'company.merged', keepId, removeId, by: actor.id });
    return { ok: true, data: { keepId, counts } };
  });
}
