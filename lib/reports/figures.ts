import { and, asc, count, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '../../db/client';
import {
  cases,
  districts,
  introductions,
  isOpenOutcome,
  isOpenStatus,
  sectors,
  users,
  type AgreementKind,
  type CaseStatus,
  type IntroductionOutcome,
  type NeedCategory,
} from '../../db/schema';
import { groupingSets } from './grouping-sets';
import type { ReportPeriod } from './period';
import {
  berlinWeekOf,
  caseCreatedDay,
  caseInPeriod,
  firstIntroducedOn,
  firstResolvedAt,
  introductionInPeriod,
  mondayOf,
  weekOfDate,
} from './period-sql';

/** Outcomes after which nothing more is expected; the agreement rate is taken among these. */
const FINAL_OUTCOMES = ['agreement', 'no_fit', 'no_answer'] as const satisfies readonly IntroductionOutcome[];
/** Sectors (WZ divisions) listed in the "top needs" figure. */
const TOP_SECTORS = 10;

export interface Week {
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  isoYear: number;
  isoWeek: number;
}

/** Counts per week and key, every week of the period present (zero when nothing happened). */
export interface WeeklyCounts<K extends string> {
  weeks: (Week & { counts: Partial<Record<K, number>>; total: number })[];
}

export interface Median {
  /** Cases whose milestone was reached; the median is over these. */
  cases: number;
  median: number | null;
}

export interface Report {
  period: ReportPeriod;
  casesTotal: number;
  casesByCategory: WeeklyCounts<NeedCategory>;
  casesByStatus: WeeklyCounts<CaseStatus>;
  medians: { firstResponseHours: Median; firstIntroductionDays: Median; resolutionDays: Median };
  introductionsPerWeek: WeeklyCounts<'introductions'>;
  outcomes: {
    counts: Record<IntroductionOutcome, number>;
    agreementKinds: Record<AgreementKind, number>;
    total: number;
    final: number;
    /** agreement / final, null without final outcomes. */
    agreementRate: number | null;
  };
  topCategories: { category: NeedCategory; cases: number }[];
  topSectors: { division: string; title: string; section: string; sectionTitle: string; cases: number }[];
  casesWithoutSector: number;
  districts: { key: string | null; name: string | null; requests: number; introductions: number }[];
  workload: { userId: number; name: string; openCases: number; introductions: number; followUpsDue: number }[];
}

const countAll = () => count().mapWith(Number);

export function weeksOf(period: ReportPeriod) {
  const monday = sql`date_trunc('week', ${period.from}::date::timestamp)`;
  return db
    .select({
      week: mondayOf(sql`w`).mapWith(String),
      isoYear: sql<number>`to_char(w, 'IYYY')::int`.mapWith(Number),
      isoWeek: sql<number>`to_char(w, 'IW')::int`.mapWith(Number),
    })
    .from(sql`generate_series(${monday}, ${period.to}::date::timestamp, interval '1 week') as w`)
    .orderBy(sql`w`);
}

export function pivot<K extends string>(weeks: Week[], rows: { week: string; key: K; n: number }[]): WeeklyCounts<K> {
  const byWeek = new Map(weeks.map((w) => [w.week, { ...w, counts: {} as Partial<Record<K, number>>, total: 0 }]));
  for (const row of rows) {
    const week = byWeek.get(row.week);
    if (!week) continue;
    week.counts[row.key] = row.n;
    week.total += row.n;
  }
  return { weeks: [...byWeek.values()] };
}

const caseWeek = berlinWeekOf(cases.createdAt);
const caseDivision = sql<string | null>`left(${cases.sector}, 2)`;
const caseSets = groupingSets(
  {
    week: caseWeek,
    category: sql`${cases.category}`,
    status: sql`${cases.status}`,
    district: sql`${cases.districtKey}`,
    division: caseDivision,
  },
  {
    weekCategory: ['week', 'category'],
    weekStatus: ['week', 'status'],
    category: ['category'],
    district: ['district'],
    division: ['division'],
  },
);

/** Every breakdown of the period's cases in one pass over them (index cases_created_idx). */
function caseBreakdowns(period: ReportPeriod) {
  return db
    .select({
      grouping: caseSets.grouping,
      week: mondayOf(caseWeek),
      category: cases.category,
      status: cases.status,
      district: cases.districtKey,
      division: caseDivision,
      n: countAll(),
    })
    .from(cases)
    .where(caseInPeriod(period))
    .groupBy(caseSets.groupBy);
}

const introductionWeek = weekOfDate(introductions.introducedOn);
const introductionSets = groupingSets(
  {
    week: introductionWeek,
    outcome: sql`${introductions.outcome}`,
    agreementKind: sql`${introductions.agreementKind}`,
    district: sql`${cases.districtKey}`,
    introducedBy: sql`${introductions.introducedById}`,
  },
  { week: ['week'], outcome: ['outcome', 'agreementKind'], district: ['district'], introducedBy: ['introducedBy'] },
);

/** Every breakdown of the period's introductions in one pass (index introductions_introduced_on_idx). */
function introductionBreakdowns(period: ReportPeriod) {
  return db
    .select({
      grouping: introductionSets.grouping,
      week: mondayOf(introductionWeek),
      outcome: introductions.outcome,
      agreementKind: introductions.agreementKind,
      district: cases.districtKey,
      introducedBy: introductions.introducedById,
      n: countAll(),
    })
    .from(introductions)
    .innerJoin(cases, eq(cases.id, introductions.caseId))
    .where(introductionInPeriod(period))
    .groupBy(introductionSets.groupBy);
}

const median = (value: ReturnType<typeof sql>) =>
  sql<number | null>`percentile_cont(0.5) within group (order by ${value})`.mapWith((v) => (v === null ? null : Number(v)));

function medians(period: ReportPeriod) {
  const perCase = db.$with('per_case').as(
    db
      .select({
        responseHours: sql<number>`extract(epoch from ${cases.firstRespondedAt} - ${cases.createdAt})::float8 / 3600`.as('response_hours'),
        introductionDays: sql<number>`(${firstIntroducedOn} - ${caseCreatedDay})::float8`.as('introduction_days'),
        resolutionDays: sql<number>`extract(epoch from ${firstResolvedAt} - ${cases.createdAt})::float8 / 86400`.as('resolution_days'),
      })
      .from(cases)
      .where(caseInPeriod(period)),
  );
  return db
    .with(perCase)
    .select({
      cases: countAll(),
      responded: sql<number>`count(${perCase.responseHours})`.mapWith(Number),
      responseHours: median(sql`${perCase.responseHours}`),
      introduced: sql<number>`count(${perCase.introductionDays})`.mapWith(Number),
      introductionDays: median(sql`${perCase.introductionDays}`),
      resolved: sql<number>`count(${perCase.resolutionDays})`.mapWith(Number),
      resolutionDays: median(sql`${perCase.resolutionDays}`),
    })
    .from(perCase);
}

/** WZ divisions (two-digit codes) with their section, for naming the sector figure. */
export function divisionTitles() {
  const division = alias(sectors, 'division');
  const section = alias(sectors, 'section');
  return db
    .select({ division: division.code, title: division.title, section: section.code, sectionTitle: section.title })
    .from(division)
    .innerJoin(section, eq(section.code, division.section))
    .where(eq(division.level, 2));
}

/** Open cases and follow-ups due by `today` per staff member (partial indexes cases_open_assignee_idx, introductions_follow_up_idx). */
function workloadTotals(today: string) {
  return Promise.all([
    db.select({ id: users.id, name: users.name, active: users.active }).from(users).orderBy(asc(users.name), asc(users.id)),
    db
      .select({ userId: cases.assigneeId, n: countAll() })
      .from(cases)
      .where(and(isNotNull(cases.assigneeId), isOpenStatus(cases.status)))
      .groupBy(cases.assigneeId),
    db
      .select({ userId: introductions.introducedById, n: countAll() })
      .from(introductions)
      .where(and(isOpenOutcome(introductions.outcome), lte(introductions.followUpOn, today)))
      .groupBy(introductions.introducedById),
  ]);
}

function lookup<R extends { n: number }, K>(rows: R[], keyOf: (row: R) => K): Map<K, number> {
  return new Map(rows.map((row) => [keyOf(row), row.n]));
}

const byCountThen =
  <T extends { cases: number }>(key: (row: T) => string) =>
  (a: T, b: T) =>
    b.cases - a.cases || key(a).localeCompare(key(b));

/**
 * Every figure of the reports page for one period. Cases count by when they came in,
 * introductions by the date they were made; open cases and follow-ups due are as of `today`.
 */
export async function loadReport(period: ReportPeriod, today: string): Promise<Report> {
  const [weeks, caseRows, introductionRows, [times], divisions, districtList, [staff, openRows, dueRows]] = await Promise.all([
    weeksOf(period),
    caseBreakdowns(period),
    introductionBreakdowns(period),
    medians(period),
    divisionTitles(),
    db.select({ key: districts.key, name: districts.name }).from(districts).orderBy(asc(districts.name)),
    workloadTotals(today),
  ]);
  const caseSet = (set: string) => caseRows.filter((row) => caseSets.setOf(row.grouping) === set);
  const introductionSet = (set: string) => introductionRows.filter((row) => introductionSets.setOf(row.grouping) === set);

  const counts = { pending: 0, in_contact: 0, agreement: 0, no_fit: 0, no_answer: 0 } satisfies Record<IntroductionOutcome, number>;
  const agreementKinds = { order: 0, cooperation: 0 } satisfies Record<AgreementKind, number>;
  for (const row of introductionSet('outcome')) {
    counts[row.outcome] += row.n;
    if (row.agreementKind) agreementKinds[row.agreementKind] += row.n;
  }
  const final = FINAL_OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);

  const requests = lookup(caseSet('district'), (r) => r.district);
  const introduced = lookup(introductionSet('district'), (r) => r.district);
  const districtFigures = [...districtList, { key: null, name: null }]
    .map((d) => ({ key: d.key, name: d.name, requests: requests.get(d.key) ?? 0, introductions: introduced.get(d.key) ?? 0 }))
    .filter((d) => d.key !== null || d.requests + d.introductions > 0);

  const open = lookup(openRows, (r) => r.userId);
  const made = lookup(introductionSet('introducedBy'), (r) => r.introducedBy);
  const due = lookup(dueRows, (r) => r.userId);
  // Deactivated staff only appear while something is still attributed to them.
  const workload = staff
    .map((u) => ({
      userId: u.id,
      name: u.name,
      active: u.active,
      figures: { openCases: open.get(u.id) ?? 0, introductions: made.get(u.id) ?? 0, followUpsDue: due.get(u.id) ?? 0 },
    }))
    .filter((u) => u.active || Object.values(u.figures).some((n) => n > 0))
    .map((u) => ({ userId: u.userId, name: u.name, ...u.figures }));

  const divisionByCode = new Map(divisions.map((d) => [d.division, d]));
  const sectorRows = caseSet('division').filter((row) => row.division !== null);
  const topSectors = sectorRows
    .map((row) => {
      const known = divisionByCode.get(row.division!);
      return {
        division: row.division!,
        title: known?.title ?? '',
        section: known?.section ?? '',
        sectionTitle: known?.sectionTitle ?? '',
        cases: row.n,
      };
    })
    .sort(byCountThen((row) => row.division));
  const casesTotal = times?.cases ?? 0;

  return {
    period,
    casesTotal,
    casesByCategory: pivot(
      weeks,
      caseSet('weekCategory').map((row) => ({ week: row.week!, key: row.category, n: row.n })),
    ),
    casesByStatus: pivot(
      weeks,
      caseSet('weekStatus').map((row) => ({ week: row.week!, key: row.status, n: row.n })),
    ),
    medians: {
      firstResponseHours: { cases: times?.responded ?? 0, median: times?.responseHours ?? null },
      firstIntroductionDays: { cases: times?.introduced ?? 0, median: times?.introductionDays ?? null },
      resolutionDays: { cases: times?.resolved ?? 0, median: times?.resolutionDays ?? null },
    },
    introductionsPerWeek: pivot(
      weeks,
      introductionSet('week').map((row) => ({ week: row.week!, key: 'introductions' as const, n: row.n })),
    ),
    outcomes: {
      counts,
      agreementKinds,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      final,
      agreementRate: final > 0 ? counts.agreement / final : null,
    },
    topCategories: caseSet('category')
      .map((row) => ({ category: row.category, cases: row.n }))
      .sort(byCountThen((row) => row.category)),
    topSectors: topSectors.slice(0, TOP_SECTORS),
    casesWithoutSector: casesTotal - sectorRows.reduce((sum, row) => sum + row.n, 0),
    districts: districtFigures,
    workload,
  };
}
