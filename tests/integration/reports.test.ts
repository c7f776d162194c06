/**
 * Every report figure on a hand-written fixture with fixed timestamps; the expected numbers are
 * worked out by hand in the comments. The period is Monday 2 to Sunday 22 March 2026 (ISO weeks
 * 10–12); Germany is on CET (UTC+1) then, so a case at 23:30 UTC on 1 March came in at 00:30
 * on 2 March and belongs to the period.
 */
import { parse } from 'csv-parse/sync';
import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { caseEvents, cases, companies, introductions, supplierConsents, users, type NewCase } from '../../db/schema';
import { casesCsv, introductionsCsv } from '../../lib/reports/export';
import { loadReport, type Report } from '../../lib/reports/figures';
import type { ReportPeriod } from '../../lib/reports/period';

const PERIOD: ReportPeriod = { from: '2026-03-02', to: '2026-03-22' };
const TODAY = '2026-03-25';
const ERFURT = '16051';
const JENA = '16053';

const ids: Record<string, number> = {};

async function user(name: string, active = true) {
  const [row] = await db
    .insert(users)
    .values({ name, email: `${name.toLowerCase()}@report.test`, role: 'expert', active, passwordHash: 'x' })
    .returning({ id: users.id });
  ids[name] = row!.id;
}

async function kase(reference: string, values: Partial<NewCase> & Required<Pick<NewCase, 'category' | 'status'>> & { createdAt: Date }) {
  const [row] = await db
    .insert(cases)
    .values({
      reference,
      organisation: `Firma ${reference}`,
      organisationKind: 'company' as const,
      contactName: 'Geheime Person',
      email: 'geheim@example.org',
      phone: '+49 361 999',
      postalCode: '99084',
      city: 'Erfurt',
      description: 'Vertraulicher Freitext',
      urgency: 'flexible',
      consentVersion: '2026-01',
      consentedAt: values.createdAt,
      ...values,
    })
    .returning({ id: cases.id });
  ids[reference] = row!.id;
}

async function statusChange(reference: string, at: string, from: string, to: string) {
  await db.insert(caseEvents).values({ caseId: ids[reference]!, type: 'status_changed', data: { from, to }, createdAt: new Date(at) });
}

async function introduce(
  reference: string,
  on: string,
  by: string,
  outcome: (typeof introductions.$inferInsert)['outcome'],
  extra: Partial<typeof introductions.$inferInsert> = {},
) {
  await db.insert(introductions).values({
    caseId: ids[reference]!,
    companyId: ids.company!,
    introducedOn: on,
    channel: 'email',
    introducedById: ids[by]!,
    outcome,
    note: 'Interne Notiz',
    ...extra,
  });
}

const utc = (iso: string) => new Date(iso);

let report: Report;

beforeAll(async () => {
  for (const name of ['Anna', 'Bernd', 'Erik']) await user(name);
  for (const name of ['Carla', 'Dieter']) await user(name, false);
  const [company] = await db
    .insert(companies)
    .values({ name: '=Maskenwerk Arnstadt', postalCode: '99310', city: 'Arnstadt' })
    .returning({ id: companies.id });
  ids.company = company!.id;

  // In the period. C1: Berlin Mon 2 March 00:30 (KW 10); answered after 2 h; resolved after
  // exactly 4 days, reopened and resolved again later (the first resolution counts).
  await kase('C1', {
    createdAt: utc('2026-03-01T23:30:00Z'),
    category: 'goods',
    status: 'resolved',
    districtKey: ERFURT,
    sector: '32.50',
    assigneeId: null,
    firstRespondedAt: utc('2026-03-02T01:30:00Z'),
  });
  await statusChange('C1', '2026-03-02T08:00:00Z', 'new', 'searching');
  await statusChange('C1', '2026-03-05T23:30:00Z', 'searching', 'resolved');
  await statusChange('C1', '2026-03-07T10:00:00Z', 'resolved', 'in_triage');
  await statusChange('C1', '2026-03-11T23:30:00Z', 'searching', 'resolved');
  // C2: Tue 3 March (KW 10), answered after 4 h, still open with Anna.
  await kase('C2', {
    createdAt: utc('2026-03-03T09:00:00Z'),
    category: 'goods',
    status: 'introduced',
    districtKey: JENA,
    sector: '32.99',
    firstRespondedAt: utc('2026-03-03T13:00:00Z'),
  });
  // C3: Sunday 8 March 23:15 UTC is Monday 9 March 00:15 in Berlin: KW 11, not KW 10.
  await kase('C3', {
    createdAt: utc('2026-03-08T23:15:00Z'),
    category: 'raw_materials',
    status: 'searching',
    districtKey: JENA,
    sector: '20.14',
    firstRespondedAt: utc('2026-03-09T09:15:00Z'),
  });
  // C4: KW 11, from outside Thuringia, no sector, unanswered.
  await kase('C4', { createdAt: utc('2026-03-12T12:00:00Z'), category: 'services', status: 'new', districtKey: null, city: 'Kassel' });
  // C5: Sunday 22 March 23:59 in Berlin (KW 12), answered after 6 h, unassigned.
  await kase('C5', {
    createdAt: utc('2026-03-22T22:59:00Z'),
    category: 'goods',
    status: 'introduced',
    districtKey: ERFURT,
    sector: '32.50',
    firstRespondedAt: utc('2026-03-23T04:59:00Z'),
  });
  // C6: KW 12, answered after 1 h, resolved after exactly 10 days.
  await kase('C6', {
    createdAt: utc('2026-03-16T08:00:00Z'),
    category: 'cooperation',
    status: 'resolved',
    districtKey: ERFURT,
    sector: '72.19',
    firstRespondedAt: utc('2026-03-16T09:00:00Z'),
  });
  await statusChange('C6', '2026-03-26T08:00:00Z', 'introduced', 'resolved');

  // Outside the period: Berlin Sunday 1 March 23:30, and Monday 23 March 00:00.
  await kase('C0', { createdAt: utc('2026-03-01T22:30:00Z'), category: 'goods', status: 'searching', districtKey: ERFURT });
  await kase('C7', { createdAt: utc('2026-03-22T23:00:00Z'), category: 'goods', status: 'new', districtKey: JENA });

  await db
    .update(cases)
    .set({ assigneeId: ids.Anna })
    .where(inIds('C1', 'C2', 'C6', 'C0'));
  await db.update(cases).set({ assigneeId: ids.Bernd }).where(inIds('C3'));
  await db.update(cases).set({ assigneeId: ids.Dieter }).where(inIds('C7'));

  // Introductions in the period (2–22 March): I1, I2, I3, I4, I6, I7; outside: I0, I5.
  await introduce('C1', '2026-03-04', 'Anna', 'agreement', { agreementKind: 'order' }); // I1
  // The supplier agreed by phone that its contact goes to C1's requester: the export says "ja".
  await db.insert(supplierConsents).values({ caseId: ids.C1!, companyId: ids.company!, source: 'staff_phone', recordedById: ids.Anna! });
  await introduce('C2', '2026-03-10', 'Bernd', 'no_fit', { followUpOn: '2026-03-12', channel: 'phone' }); // I2
  await introduce('C2', '2026-03-06', 'Anna', 'in_contact', { followUpOn: '2026-03-20' }); // I3
  await introduce('C6', '2026-03-21', 'Anna', 'no_answer'); // I4
  await introduce('C0', '2026-03-20', 'Bernd', 'pending', { followUpOn: '2026-03-30' }); // I6
  await introduce('C5', '2026-03-22', 'Bernd', 'agreement', { agreementKind: 'cooperation' }); // I7
  await introduce('C0', '2026-03-01', 'Anna', 'pending', { followUpOn: '2026-03-10' }); // I0
  await introduce('C7', '2026-03-23', 'Bernd', 'pending', { followUpOn: '2026-03-24' }); // I5

  report = await loadReport(PERIOD, TODAY);
});

function inIds(...references: string[]) {
  return inArray(
    cases.id,
    references.map((r) => ids[r]!),
  );
}

const weekKeys = (r: Report['casesByCategory']) => r.weeks.map((w) => [w.week, w.isoYear, w.isoWeek]);

describe('report figures on the fixture', () => {
  it('counts the cases of the period per ISO week in German time, by category', () => {
    expect(report.casesTotal).toBe(6);
    expect(weekKeys(report.casesByCategory)).toEqual([
      ['2026-03-02', 2026, 10],
      ['2026-03-09', 2026, 11],
      ['2026-03-16', 2026, 12],
    ]);
    expect(report.casesByCategory.weeks.map((w) => [w.counts, w.total])).toEqual([
      [{ goods: 2 }, 2], // C1, C2
      [{ raw_materials: 1, services: 1 }, 2], // C3, C4
      [{ goods: 1, cooperation: 1 }, 2], // C5, C6
    ]);
  });

  it('counts them by current status', () => {
    expect(report.casesByStatus.weeks.map((w) => w.counts)).toEqual([
      { resolved: 1, introduced: 1 },
      { searching: 1, new: 1 },
      { introduced: 1, resolved: 1 },
    ]);
  });

  it('takes medians of first response, first introduction and resolution', () => {
    // Response hours 2, 4, 10, 6, 1 → 4. Days to the first introduction: C1 2 March → 4 March = 2,
    // C2 3 → 6 March = 3 (not 10 March), C6 16 → 21 March = 5, C5 22 → 22 March = 0 → (2+3)/2.
    // Days to resolution: C1 4 (the first of two), C6 10 → 7.
    expect(report.medians).toEqual({
      firstResponseHours: { cases: 5, median: 4 },
      firstIntroductionDays: { cases: 4, median: 2.5 },
      resolutionDays: { cases: 2, median: 7 },
    });
  });

  it('counts introductions per week by the day they were made', () => {
    expect(report.introductionsPerWeek.weeks.map((w) => [w.week, w.total])).toEqual([
      ['2026-03-02', 2], // I1 4 March, I3 6 March
      ['2026-03-09', 1], // I2
      ['2026-03-16', 3], // I4, I6, I7
    ]);
  });

  it('gives outcome counts and the agreement rate among final outcomes', () => {
    expect(report.outcomes).toEqual({
      counts: { pending: 1, in_contact: 1, agreement: 2, no_fit: 1, no_answer: 1 },
      agreementKinds: { order: 1, cooperation: 1 },
      total: 6,
      final: 4,
      agreementRate: 0.5,
    });
  });

  it('ranks needs by category and by WZ division with titles from the sectors table', () => {
    expect(report.topCategories).toEqual([
      { category: 'goods', cases: 3 },
      { category: 'cooperation', cases: 1 },
      { category: 'raw_materials', cases: 1 },
      { category: 'services', cases: 1 },
    ]);
    expect(report.topSectors).toEqual([
      { division: '32', title: 'Herstellung von sonstigen Waren', section: 'C', sectionTitle: 'Verarbeitendes Gewerbe', cases: 3 },
      { division: '20', title: 'Herstellung von chemischen Erzeugnissen', section: 'C', sectionTitle: 'Verarbeitendes Gewerbe', cases: 1 },
      {
        division: '72',
        title: 'Forschung und Entwicklung',
        section: 'M',
        sectionTitle: expect.stringContaining('freiberuflichen'),
        cases: 1,
      },
    ]);
    expect(report.casesWithoutSector).toBe(1); // C4
  });

  it('counts requests and introductions by the requester’s district, with every district listed', () => {
    const byKey = new Map(report.districts.map((d) => [d.key, d]));
    expect(byKey.get(ERFURT)).toMatchObject({ name: 'Erfurt', requests: 3, introductions: 4 }); // C1 C5 C6; I1 I4 I6 I7
    expect(byKey.get(JENA)).toMatchObject({ name: 'Jena', requests: 2, introductions: 2 }); // C2 C3; I2 I3
    expect(byKey.get(null)).toEqual({ key: null, name: null, requests: 1, introductions: 0 }); // C4
    expect(report.districts).toHaveLength(23); // 22 districts and "outside/unknown"
    const others = report.districts.filter((d) => d.key !== ERFURT && d.key !== JENA && d.key !== null);
    expect(others.every((d) => d.requests === 0 && d.introductions === 0)).toBe(true);
  });

  it('shows each expert’s workload; deactivated staff only with something left', () => {
    expect(report.workload).toEqual([
      // Open: C2, C0 (C1 and C6 are resolved). Made: I1 I3 I4. Due by 25 March: I3 (20th), I0 (10th).
      { userId: ids.Anna, name: 'Anna', openCases: 2, introductions: 3, followUpsDue: 2 },
      // Open: C3. Made: I2 I6 I7. Due: I5 (24th, made outside the period); I6 is due later, I2 is final.
      { userId: ids.Bernd, name: 'Bernd', openCases: 1, introductions: 3, followUpsDue: 1 },
      { userId: ids.Dieter, name: 'Dieter', openCases: 1, introductions: 0, followUpsDue: 0 },
      { userId: ids.Erik, name: 'Erik', openCases: 0, introductions: 0, followUpsDue: 0 },
    ]);
  });

  it('lists every week of the period even without cases', async () => {
    const empty = await loadReport({ from: '2026-02-09', to: '2026-02-22' }, TODAY);
    expect(empty.casesTotal).toBe(0);
    expect(empty.casesByCategory.weeks.map((w) => [w.isoWeek, w.total])).toEqual([
      [7, 0],
      [8, 0],
    ]);
    expect(empty.medians.firstResponseHours).toEqual({ cases: 0, median: null });
    expect(empty.outcomes.agreementRate).toBeNull();
  });

  it('takes ISO week numbers across a year boundary', async () => {
    const turn = await loadReport({ from: '2026-12-30', to: '2027-01-05' }, TODAY);
    expect(turn.casesByCategory.weeks.map((w) => [w.week, w.isoYear, w.isoWeek])).toEqual([
      ['2026-12-28', 2026, 53],
      ['2027-01-04', 2027, 1],
    ]);
  });
});

describe('CSV export', () => {
  const read = (csv: string) => parse(csv, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];

  it('exports the period’s cases for German Excel, without contact details or free text', async () => {
    const csv = await casesCsv(PERIOD);
    expect(csv.startsWith('\uFEFFVorgangsnummer;Eingang;Status;')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).not.toMatch(/Geheime Person|geheim@example\.org|\+49 361 999|Vertraulicher Freitext/);
    const rows = read(csv);
    expect(rows.map((r) => r.Vorgangsnummer)).toEqual(['C1', 'C2', 'C3', 'C4', 'C6', 'C5']);
    expect(rows[0]).toEqual({
      Vorgangsnummer: 'C1',
      Eingang: '2026-03-02 00:30',
      Status: 'Erledigt',
      'Art des Bedarfs': 'Bauteile / Waren',
      Dringlichkeit: 'Flexibel',
      Priorität: 'Normal',
      'Art der Organisation': 'Unternehmen',
      Organisation: 'Firma C1',
      PLZ: '99084',
      Ort: 'Erfurt',
      Kreis: 'Erfurt',
      'WZ-Code': '32.50',
      'Bearbeitet von': 'Anna',
      'Erste Reaktion': '2026-03-02 02:30',
      'Erste Vermittlung': '2026-03-04',
      Vermittlungen: '1',
      'Erledigt am': '2026-03-06 00:30',
    });
    expect(rows[1]).toMatchObject({ Vorgangsnummer: 'C2', 'Erste Vermittlung': '2026-03-06', Vermittlungen: '2', 'Erledigt am': '' });
    expect(rows[3]).toMatchObject({ Vorgangsnummer: 'C4', Kreis: '', 'Bearbeitet von': '', 'Erste Reaktion': '', Vermittlungen: '0' });
  });

  it('exports the period’s introductions with German labels, formulas defused, notes left out', async () => {
    const csv = await introductionsCsv(PERIOD);
    expect(csv).not.toContain('Interne Notiz');
    const rows = read(csv);
    expect(rows.map((r) => [r.Vorgangsnummer, r.Datum, r.Ergebnis])).toEqual([
      ['C1', '2026-03-04', 'Vereinbarung'],
      ['C2', '2026-03-06', 'In Kontakt'],
      ['C2', '2026-03-10', 'Passt nicht'],
      ['C0', '2026-03-20', 'Offen'],
      ['C6', '2026-03-21', 'Keine Antwort'],
      ['C5', '2026-03-22', 'Vereinbarung'],
    ]);
    expect(rows[0]).toEqual({
      Vorgangsnummer: 'C1',
      'Anfragende Organisation': 'Firma C1',
      Kreis: 'Erfurt',
      'Vermittelter Anbieter': "'=Maskenwerk Arnstadt",
      'Ort des Anbieters': 'Arnstadt',
      Datum: '2026-03-04',
      Weg: 'E-Mail',
      'Vermittelt von': 'Anna',
      'Kontakt weitergegeben': 'ja',
      Ergebnis: 'Vereinbarung',
      'Art der Vereinbarung': 'Auftrag',
      Wiedervorlage: '',
      'Ergebnis geändert': '',
    });
    expect(rows[2]).toMatchObject({
      Weg: 'Telefon',
      'Vermittelt von': 'Bernd',
      'Kontakt weitergegeben': 'nein',
      Wiedervorlage: '2026-03-12',
    });
  });
});
