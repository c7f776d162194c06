/** Merging duplicate companies: every reference moves to the kept company, nothing is lost. */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import {
  accessLinks,
  availabilityChecks,
  capacityOffers,
  caseEvents,
  cases,
  companies,
  companyEntryChanges,
  companyEvents,
  introductions,
  offerCaseMatches,
  shortlistEntries,
  supplierConsents,
} from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { createAccessLink } from '@/lib/conversations/access-links';
import { messages } from '@/lib/i18n';
import { mergeCompanies, mergePreview, referenceCounts } from '@/lib/suppliers/merge';
import { newCase, newCompany, staffUser } from '../helpers/factories';

const t = messages.entries;
let erika: StaffUser;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
});
beforeEach(async () => {
  await db.execute(sql`truncate ${companies}, ${companyEvents}, ${cases}, ${caseEvents}, ${accessLinks} cascade`);
});

async function check(caseId: number, companyId: number, answered: boolean) {
  const link = await createAccessLink(db, { purpose: 'availability_check', caseId, companyId, days: 14 });
  const [row] = await db
    .insert(availabilityChecks)
    .values({
      caseId,
      companyId,
      linkId: link.id,
      recipient: 'vertrieb@example.org',
      sentById: erika.id,
      ...(answered ? { answer: 'yes' as const, quantity: '5.000 Stück', answeredAt: new Date() } : {}),
    })
    .returning();
  return row!;
}

/** Two entries for one firm, each with references of every kind, some on the same case. */
async function duplicates() {
  const keep = await newCompany({ name: 'Maskenwerk Erfurt GmbH', postalCode: '99084', city: 'Erfurt' });
  const remove = await newCompany({ name: 'Maskenwerk Erfurt', postalCode: '99085', city: 'Erfurt', email: 'info@maskenwerk.example' });
  const [c1, c2, c3] = [await newCase(), await newCase({ email: 'b@example.org' }), await newCase({ email: 'c@example.org' })];

  await db.insert(introductions).values([
    { caseId: c1.id, companyId: remove, introducedOn: '2026-11-20', channel: 'email', introducedById: erika.id },
    { caseId: c2.id, companyId: keep, introducedOn: '2026-11-21', channel: 'phone', introducedById: erika.id },
  ]);
  await db.insert(shortlistEntries).values([
    { caseId: c1.id, companyId: keep, note: 'Rückruf Montag' },
    { caseId: c1.id, companyId: remove, note: 'Liefert EN 149' },
    { caseId: c2.id, companyId: remove, note: '' },
  ]);
  const keptUnanswered = await check(c1.id, keep, false);
  const removedAnswered = await check(c1.id, remove, true);
  const removedOnly = await check(c3.id, remove, false);
  await db.insert(supplierConsents).values([
    { caseId: c1.id, companyId: keep, source: 'staff_phone', recordedById: erika.id, note: 'am Telefon' },
    { caseId: c1.id, companyId: remove, source: 'supplier_link', textVersion: '2026-11', availabilityCheckId: removedAnswered.id },
    { caseId: c3.id, companyId: remove, source: 'staff_phone', recordedById: erika.id },
  ]);
  const [offer] = await db
    .insert(capacityOffers)
    .values({
      status: 'accepted',
      organisation: 'Maskenwerk Erfurt',
      postalCode: '99085',
      city: 'Erfurt',
      email: 'info@maskenwerk.example',
      contactName: 'Frau Weber',
      offer: '10.000 FFP2-Masken pro Woche',
      consentVersion: '2026-11',
      consentedAt: new Date(),
      companyId: remove,
    })
    .returning();
  await db.insert(offerCaseMatches).values({ offerId: offer!.id, caseId: c3.id });
  const entryLink = await createAccessLink(db, { purpose: 'company_entry', companyId: remove, days: 30 });
  await db.insert(companyEntryChanges).values({ companyId: remove, changes: { city: { from: 'Erfurt', to: 'Erfurt-Nord' } } });
  return { keep, remove, c1, c2, c3, keptUnanswered, removedAnswered, removedOnly, offer: offer!, entryLink };
}

const version = async (id: number) => (await db.select({ v: companies.version }).from(companies).where(eq(companies.id, id)))[0]!.v;

describe('merging duplicate companies', () => {
  it('keeps every reference: all point to the kept company and the counts add up', async () => {
    const w = await duplicates();
    const keptBefore = await referenceCounts(db, w.keep);
    const preview = await mergePreview(w.remove);
    expect(preview).toMatchObject({
      id: w.remove,
      name: 'Maskenwerk Erfurt',
      counts: { introductions: 1, shortlist: 2, availabilityChecks: 2, consents: 2, offers: 1, links: 3, events: 1, entryChanges: 1 },
    });
    const removedEvents = await db.select({ id: companyEvents.id }).from(companyEvents).where(eq(companyEvents.companyId, w.remove));
    const caseEventsBefore = await db.select().from(caseEvents).orderBy(caseEvents.id);

    const result = await mergeCompanies(erika, { keepId: w.keep, keepVersion: 1, removeId: w.remove, removeVersion: 1 });
    expect(result).toMatchObject({ ok: true, data: { keepId: w.keep } });

    expect(await db.$count(companies, eq(companies.id, w.remove))).toBe(0);
    const after = await referenceCounts(db, w.keep);
    // Shortlist, checks and consents on the shared case c1 became one each.
    expect(after).toEqual({
      introductions: keptBefore.introductions + 1,
      shortlist: keptBefore.shortlist + 2 - 1,
      availabilityChecks: keptBefore.availabilityChecks + 2 - 1,
      consents: keptBefore.consents + 2 - 1,
      offers: 1,
      links: keptBefore.links + 3,
      events: keptBefore.events + removedEvents.length + 1,
      entryChanges: 1,
    });

    const shortlist = await db.select().from(shortlistEntries).orderBy(shortlistEntries.caseId);
    expect(shortlist.map((s) => [s.caseId, s.companyId, s.note])).toEqual([
      [w.c1.id, w.keep, 'Rückruf Montag\nLiefert EN 149'],
      [w.c2.id, w.keep, ''],
    ]);
    // The answered check stays (the removed company's), the unanswered one goes with its link.
    const checks = await db.select().from(availabilityChecks).orderBy(availabilityChecks.caseId);
    expect(checks.map((c) => [c.id, c.caseId, c.companyId])).toEqual([
      [w.removedAnswered.id, w.c1.id, w.keep],
      [w.removedOnly.id, w.c3.id, w.keep],
    ]);
    const [droppedLink] = await db.select().from(accessLinks).where(eq(accessLinks.id, w.keptUnanswered.linkId));
    expect(droppedLink!.revokedAt).not.toBeNull();
    const consents = await db.select().from(supplierConsents).orderBy(supplierConsents.caseId);
    expect(consents.map((c) => [c.caseId, c.companyId, c.source])).toEqual([
      [w.c1.id, w.keep, 'staff_phone'],
      [w.c3.id, w.keep, 'staff_phone'],
    ]);
    expect((await db.select().from(capacityOffers))[0]).toMatchObject({ id: w.offer.id, companyId: w.keep });
    expect(await db.$count(offerCaseMatches, and(eq(offerCaseMatches.offerId, w.offer.id), eq(offerCaseMatches.caseId, w.c3.id)))).toBe(1);
    expect((await db.select().from(accessLinks).where(eq(accessLinks.id, w.entryLink.id)))[0]).toMatchObject({ companyId: w.keep });
    expect(await db.$count(companyEntryChanges, eq(companyEntryChanges.companyId, w.keep))).toBe(1);
    expect(await db.$count(companyEvents, eq(companyEvents.companyId, w.remove))).toBe(0);
    const [merged] = await db.select().from(companyEvents).where(eq(companyEvents.type, 'merged'));
    expect(merged).toMatchObject({ companyId: w.keep, actorId: erika.id, data: { mergedId: w.remove, mergedName: 'Maskenwerk Erfurt' } });
    expect(await version(w.keep)).toBe(2);
    // Case histories keep their text.
    expect(await db.select().from(caseEvents).orderBy(caseEvents.id)).toEqual(caseEventsBefore);
  });

  it('keeps the kept company’s answered check over the duplicate’s unanswered one', async () => {
    const keep = await newCompany({ name: 'Glas A', postalCode: '98693', city: 'Ilmenau' });
    const remove = await newCompany({ name: 'Glas A Kopie', postalCode: '98693', city: 'Ilmenau' });
    const c = await newCase();
    const kept = await check(c.id, keep, true);
    await check(c.id, remove, false);
    expect((await mergeCompanies(erika, { keepId: keep, keepVersion: 1, removeId: remove, removeVersion: 1 })).ok).toBe(true);
    expect((await db.select({ id: availabilityChecks.id }).from(availabilityChecks)).map((r) => r.id)).toEqual([kept.id]);
  });

  it('keeps the duplicate’s external id when the kept company has none, so an import finds it again', async () => {
    const keep = await newCompany({ name: 'Glas B', postalCode: '98693', city: 'Ilmenau' });
    const remove = await newCompany({ name: 'Glas B GmbH', postalCode: '98693', city: 'Ilmenau', externalId: 'IHK-4711' });
    expect((await mergeCompanies(erika, { keepId: keep, keepVersion: 1, removeId: remove, removeVersion: 1 })).ok).toBe(true);
    expect((await db.select({ externalId: companies.externalId }).from(companies).where(eq(companies.id, keep)))[0]).toEqual({
      externalId: 'IHK-4711',
    });
    const updated = await db
      .select()
      .from(companyEvents)
      .where(and(eq(companyEvents.companyId, keep), eq(companyEvents.type, 'updated')));
    expect(updated.map((e) => e.data)).toEqual([{ changes: { externalId: { from: null, to: 'IHK-4711' } } }]);
  });

  it('refuses merging a company with itself, a vanished duplicate and stale versions, changing nothing', async () => {
    const w = await duplicates();
    expect(await mergeCompanies(erika, { keepId: w.keep, keepVersion: 1, removeId: w.keep, removeVersion: 1 })).toEqual({
      ok: false,
      error: t.mergeSelf,
    });
    expect(await mergeCompanies(erika, { keepId: w.keep, keepVersion: 1, removeId: 2_000_000, removeVersion: 1 })).toEqual({
      ok: false,
      error: t.mergeNotFound,
    });
    await db.update(companies).set({ version: 2 }).where(eq(companies.id, w.remove));
    expect(await mergeCompanies(erika, { keepId: w.keep, keepVersion: 1, removeId: w.remove, removeVersion: 1 })).toEqual({
      ok: false,
      error: t.mergeConflict,
    });
    expect(await db.$count(companies)).toBe(2);
    expect(await referenceCounts(db, w.remove)).toMatchObject({ introductions: 1, shortlist: 2, availabilityChecks: 2 });
  });
});
