/**
 * The unmet-demand report on a hand-written fixture; the expected numbers are worked out by hand
 * in the comments. Period: Monday 2 to Sunday 22 March 2026 (ISO weeks 10–12, CET = UTC+1).
 */
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { availabilityChecks, cases, companies, districts, introductions, supplierSearchMisses, users, type NewCase } from '../../db/schema';
import { createAccessLink } from '../../lib/conversations/access-links';
import type { ReportPeriod } from '../../lib/reports/period';
import { loadUnmetDemand, searchMissesCsv, type UnmetDemand, unmetDemandCsv } from '../../lib/reports/unmet-demand';
import { isSearchMiss, missTerm, recordSearchMiss } from '../../lib/suppliers/search-misses';
import { supplierSearchSchema } from '../../lib/suppliers/search-schema';

const PERIOD: ReportPeriod = { from: '2026-03-02', to: '2026-03-22' };
const ERFURT = '16051';
const JENA = '16053';
const ids: Record<string, number> = {};

async function kase(reference: string, values: Partial<NewCase> & Required<Pick<NewCase, 'status'>> & { createdAt: Date }) {
  const [row] = await db
    .insert(cases)
    .values({
      reference,
      organisation: `Firma ${reference}`,
      organisationKind: 'company' as const,
      contactName: 'Geheime Person',
      email: 'geheim@example.org',
      postalCode: '99084',
      city: 'Erfurt',
      category: 'goods',
      description: 'Vertraulicher Freitext',
      urgency: 'flexible',
      consentVersion: '2026-01',
      consentedAt: values.createdAt,
      ...values,
    })
    .returning({ id: cases.id });
  ids[reference] = row!.id;
}

async function introduce(reference: string, company: string, outcome: (typeof introductions.$inferInsert)['outcome']) {
  await db.insert(introductions).values({
    caseId: ids[reference]!,
    companyId: ids[company]!,
    introducedOn: '2026-03-12',
    channel: 'email',
    introducedById: ids.expert!,
    outcome,
    agreementKind: outcome === 'agreement' ? 'order' : null,
  });
}

async function check(reference: string, company: string, answer: 'yes' | 'partly' | 'no' | null) {
  const link = await createAccessLink(db, { purpose: 'availability_check', caseId: ids[reference]!, companyId: ids[company]!, days: 14 });
  await db.insert(availabilityChecks).values({
    caseId: ids[reference]!,
    companyId: ids[company]!,
    linkId: link.id,
    recipient: 'vertrieb@example.org',
    sentById: ids.expert!,
    answer,
    answeredAt: answer ? new Date('2026-03-20T10:00:00Z') : null,
  });
}

let demand: UnmetDemand;

beforeAll(async () => {
  const [expert] = await db
    .insert(users)
    .values({ name: 'Erika', email: 'erika@unmet.test', role: 'expert', passwordHash: 'x' })
    .returning({ id: users.id });
  ids.expert = expert!.id;
  for (const name of ['A', 'B']) {
    const [row] = await db
      .insert(companies)
      .values({ name: `Werk ${name}`, postalCode: '99084', city: 'Erfurt' })
      .returning({ id: companies.id });
    ids[name] = row!.id;
  }
  const at = (iso: string) => new Date(iso);
  // U1 (KW 10, Erfurt, division 32): resolved without any introduction.
  await kase('U1', { createdAt: at('2026-03-03T09:00:00Z'), status: 'resolved', districtKey: ERFURT, sector: '32.50' });
  // U2 (KW 10, Jena, division 20): rejected without introduction, and both suppliers asked said no.
  await kase('U2', { createdAt: at('2026-03-04T09:00:00Z'), status: 'rejected', districtKey: JENA, sector: '20.14' });
  await check('U2', 'A', 'no');
  await check('U2', 'B', 'no');
  // U3 (KW 11, Erfurt, division 32): still open, every introduction "Passt nicht".
  await kase('U3', { createdAt: at('2026-03-10T09:00:00Z'), status: 'introduced', districtKey: ERFURT, sector: '32.99' });
  await introduce('U3', 'A', 'no_fit');
  await introduce('U3', 'B', 'no_fit');
  // U4 (KW 11): one check unanswered, one introduction still in contact: not unmet (yet).
  await kase('U4', { createdAt: at('2026-03-11T09:00:00Z'), status: 'introduced', districtKey: ERFURT });
  await check('U4', 'A', 'no');
  await check('U4', 'B', null);
  await introduce('U4', 'A', 'no_fit');
  await introduce('U4', 'B', 'in_contact');
  // U5 (KW 12, no district, no sector): the only supplier asked said no.
  await kase('U5', { createdAt: at('2026-03-17T09:00:00Z'), status: 'searching', districtKey: null });
  await check('U5', 'A', 'no');
  // U6 spam, U9 duplicate, U7 helped, U10 answered "partly": none of them unmet demand.
  await kase('U6', { createdAt: at('2026-03-18T09:00:00Z'), status: 'spam', closeReason: 'Spam' });
  await kase('U9', { createdAt: at('2026-03-18T10:00:00Z'), status: 'duplicate', closeReason: 'Doppelt' });
  await kase('U7', { createdAt: at('2026-03-19T09:00:00Z'), status: 'resolved' });
  await introduce('U7', 'A', 'agreement');
  await kase('U10', { createdAt: at('2026-03-19T10:00:00Z'), status: 'searching' });
  await check('U10', 'A', 'partly');
  // U8: Sunday 1 March 23:30 in Berlin, before the period.
  await kase('U8', { createdAt: at('2026-03-01T22:30:00Z'), status: 'resolved' });

  await db.insert(supplierSearchMisses).values([
    { day: '2026-03-05', term: 'ffp2 masken', searches: 3 },
    { day: '2026-03-20', term: 'ffp2 masken', searches: 2 },
    { day: '2026-03-10', term: 'titan', searches: 4 },
    { day: '2026-03-10', term: 'aerogel', searches: 4 },
    { day: '2026-03-01', term: 'vorher', searches: 9 },
    { day: '2026-03-23', term: 'nachher', searches: 9 },
  ]);
  demand = await loadUnmetDemand(PERIOD);
});

const districtName = async (key: string) => (await db.select().from(districts).where(eq(districts.key, key)))[0]!.name;

describe('the unmet-demand report on the fixture', () => {
  it('counts each unmet case once, and each reason', () => {
    expect(demand.cases).toBe(4); // U1, U2, U3, U5
    expect(demand.reasons).toEqual({ closedWithoutIntroduction: 2, allNoFit: 1, allChecksNo: 2 });
  });

  it('counts the reasons per week the cases came in', () => {
    expect(demand.byWeek.weeks.map((w) => [w.week, w.counts, w.total])).toEqual([
      ['2026-03-02', { closedWithoutIntroduction: 2, allChecksNo: 1 }, 3],
      ['2026-03-09', { allNoFit: 1 }, 1],
      ['2026-03-16', { allChecksNo: 1 }, 1],
    ]);
  });

  it('breaks them down by WZ division and by district', async () => {
    expect(demand.byDivision).toEqual([
      {
        key: '32',
        label: expect.stringMatching(/^32 \S/),
        counts: { closedWithoutIntroduction: 1, allNoFit: 1, allChecksNo: 0 },
        cases: 2,
      },
      {
        key: '20',
        label: expect.stringMatching(/^20 \S/),
        counts: { closedWithoutIntroduction: 1, allNoFit: 0, allChecksNo: 1 },
        cases: 1,
      },
      { key: null, label: null, counts: { closedWithoutIntroduction: 0, allNoFit: 0, allChecksNo: 1 }, cases: 1 },
    ]);
    expect(demand.byDistrict).toEqual([
      { key: ERFURT, label: await districtName(ERFURT), counts: { closedWithoutIntroduction: 1, allNoFit: 1, allChecksNo: 0 }, cases: 2 },
      { key: JENA, label: await districtName(JENA), counts: { closedWithoutIntroduction: 1, allNoFit: 0, allChecksNo: 1 }, cases: 1 },
      { key: null, label: null, counts: { closedWithoutIntroduction: 0, allNoFit: 0, allChecksNo: 1 }, cases: 1 },
    ]);
  });

  it('lists the search terms that found nothing in the period, most searched first', () => {
    expect(demand.searchMisses).toEqual([
      { term: 'ffp2 masken', searches: 5 },
      { term: 'aerogel', searches: 4 },
      { term: 'titan', searches: 4 },
    ]);
  });

  it('exports the unmet cases with their reasons and nothing personal', async () => {
    const csv = await unmetDemandCsv(PERIOD);
    expect(csv).not.toMatch(/Geheime Person|geheim@example|Vertraulicher/);
    const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';' });
    expect(rows[0]).toEqual([
      'Vorgangsnummer',
      'Eingang',
      'Status',
      'Art des Bedarfs',
      'WZ-Abteilung',
      'Kreis',
      'Ohne Vermittlung abgeschlossen',
      'Jede Vermittlung passt nicht',
      'Alle Verfügbarkeitsanfragen „Nein“',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[6], r[7], r[8]])).toEqual([
      ['U1', '2026-03-03', '32', 'ja', 'nein', 'nein'],
      ['U2', '2026-03-04', '20', 'ja', 'nein', 'ja'],
      ['U3', '2026-03-10', '32', 'nein', 'ja', 'nein'],
      ['U5', '2026-03-17', '', 'nein', 'nein', 'ja'],
    ]);
    expect(rows[2]![5]).toBe(await districtName(JENA));
  });

  it('exports the search terms of the period with their counts', async () => {
    const rows: string[][] = parse((await searchMissesCsv(PERIOD)).replace(/^\uFEFF/, ''), { delimiter: ';' });
    expect(rows).toEqual([
      ['Suchbegriff', 'Suchen'],
      ['ffp2 masken', '5'],
      ['aerogel', '4'],
      ['titan', '4'],
    ]);
  });
});

describe('search miss logging', () => {
  it('normalises a query to the words the search looks for', () => {
    expect(missTerm('FFP2 Masken')).toBe('ffp2 masken');
    expect(missTerm('  masken   FFP2 dringend 5.000 Stück')).toBe('ffp2 masken');
    expect(missTerm('Größe Ärmel')).toBe('aermel groesse');
    expect(missTerm('dringend gesucht')).toBe('dringend gesucht');
    expect(missTerm('!!!')).toBeNull();
  });

  it('is a miss only for a typed query without filters that found nothing', () => {
    const search = (raw: Record<string, string>) => supplierSearchSchema.parse(raw);
    expect(isSearchMiss(search({ q: 'Titan' }), 0)).toBe(true);
    expect(isSearchMiss(search({ q: 'Titan' }), 3)).toBe(false);
    expect(isSearchMiss(search({}), 0)).toBe(false);
    expect(isSearchMiss(search({ q: 'Titan', district: JENA }), 0)).toBe(false);
    expect(isSearchMiss(search({ q: 'Titan', kind: 'research' }), 0)).toBe(false);
  });

  it('counts per day and term, and keeps only the term and the count', async () => {
    const day = new Date('2026-04-07T10:00:00Z');
    await recordSearchMiss('Aerogel Platten', day);
    await Promise.all([recordSearchMiss('platten AEROGEL', day), recordSearchMiss('Aerogel Platten', day)]);
    await recordSearchMiss('Aerogel Platten', new Date('2026-04-08T10:00:00Z'));
    const rows = await db.select().from(supplierSearchMisses).where(eq(supplierSearchMisses.term, 'aerogel platten'));
    expect(rows.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: '2026-04-07', term: 'aerogel platten', searches: 3 },
      { day: '2026-04-08', term: 'aerogel platten', searches: 1 },
    ]);
  });
});
