import { asc, between, desc, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import {
  availabilityChecks,
  cases,
  districts,
  introductions,
  supplierSearchMisses,
  type CaseStatus,
  type NeedCategory,
} from '../../db/schema';
import { inList } from '../../db/schema/sql-list';
import { messages } from '../i18n';
import { toSpreadsheetCsv } from '../spreadsheet-csv';
import { divisionTitles, pivot, type WeeklyCounts, weeksOf } from './figures';
import type { ReportPeriod } from './period';
import { berlinWeekOf, caseCreatedDay, caseInPeriod, mondayOf } from './period-sql';

/** Why a case counts as demand the desk could not meet; one case may have several reasons. */
export const UNMET_REASONS = ['closedWithoutIntroduction', 'allNoFit', 'allChecksNo'] as const;
export type UnmetReason = (typeof UNMET_REASONS)[number];

/** Closed as a real need that was not helped or is done; spam and duplicates were never a need. */
const CLOSED_NEED: CaseStatus[] = ['resolved', 'rejected'];
/** Search terms listed in the report. */
const TOP_TERMS = 20;

type Counts = Record<UnmetReason, number>;
export interface UnmetRow {
  key: string | null;
  label: string | null;
  counts: Counts;
  /** Cases with at least one reason (a case with two reasons counts once here). */
  cases: number;
}

export interface UnmetDemand {
  cases: number;
  reasons: Counts;
  byWeek: WeeklyCounts<UnmetReason>;
  byDivision: UnmetRow[];
  byDistrict: UnmetRow[];
  searchMisses: { term: string; searches: number }[];
}

// Qualified by hand: drizzle leaves columns of a single-table select unqualified, and inside the
// subqueries below a bare "id" would name the subquery's own table.
const caseId = sql.raw('"cases"."id"');
const hasIntroduction = sql`exists (select 1 from ${introductions} where ${introductions.caseId} = ${caseId})`;
const hasCheck = sql`exists (select 1 from ${availabilityChecks} where ${availabilityChecks.caseId} = ${caseId})`;
const reasonColumns = {
  closedWithoutIntroduction: sql<boolean>`(${cases.status} in (${inList(CLOSED_NEED)}) and not ${hasIntroduction})`,
  allNoFit: sql<boolean>`(${hasIntroduction} and not exists (select 1 from ${introductions} where ${introductions.caseId} = ${caseId} and ${introductions.outcome} <> 'no_fit'))`,
  // Every supplier asked answered, and answered "no": an open question may still be a yes.
  allChecksNo: sql<boolean>`(${hasCheck} and not exists (select 1 from ${availabilityChecks} where ${availabilityChecks.caseId} = ${caseId} and ${availabilityChecks.answer} is distinct from 'no'))`,
} satisfies Record<UnmetReason, unknown>;

/** The period's cases (by the day they came in) with at least one reason, oldest first. */
function unmetCases(period: ReportPeriod) {
  const perCase = db.$with('per_case').as(
    db
      .select({
        reference: cases.reference,
        createdOn: sql<string>`to_char(${caseCreatedDay}, 'YYYY-MM-DD')`.as('created_on'),
        week: mondayOf(berlinWeekOf(cases.createdAt)).as('week'),
        status: sql<CaseStatus>`${cases.status}`.as('status'),
        category: sql<NeedCategory>`${cases.category}`.as('category'),
        division: sql<string | null>`left(${cases.sector}, 2)`.as('division'),
        districtKey: sql<string | null>`${cases.districtKey}`.as('district_key'),
        closedWithoutIntroduction: reasonColumns.closedWithoutIntroduction.as('closed_without_introduction'),
        allNoFit: reasonColumns.allNoFit.as('all_no_fit'),
        allChecksNo: reasonColumns.allChecksNo.as('all_checks_no'),
        createdAt: sql`${cases.createdAt}`.as('created_at'),
        id: sql<number>`${cases.id}`.as('id'),
      })
      .from(cases)
      .where(caseInPeriod(period)),
  );
  return db
    .with(perCase)
    .select()
    .from(perCase)
    .where(sql`${perCase.closedWithoutIntroduction} or ${perCase.allNoFit} or ${perCase.allChecksNo}`)
    .orderBy(asc(perCase.createdAt), asc(perCase.id));
}

/** Staff searches that found nothing during the period, most frequent terms first. */
export function searchMissTerms(period: ReportPeriod, limit?: number) {
  const searches = sql<number>`sum(${supplierSearchMisses.searches})::int`.mapWith(Number);
  const query = db
    .select({ term: supplierSearchMisses.term, searches })
    .from(supplierSearchMisses)
    .where(between(supplierSearchMisses.day, period.from, period.to))
    .groupBy(supplierSearchMisses.term)
    .orderBy(desc(searches), asc(supplierSearchMisses.term));
  return limit === undefined ? query : query.limit(limit);
}

const zero = (): Counts => ({ closedWithoutIntroduction: 0, allNoFit: 0, allChecksNo: 0 });
type UnmetCase = Awaited<ReturnType<typeof unmetCases>>[number];
const reasonsOf = (row: UnmetCase) => UNMET_REASONS.filter((reason) => row[reason]);

function groupRows(
  rows: UnmetCase[],
  keyOf: (row: UnmetCase) => string | null,
  labelOf: (key: string | null) => string | null,
): UnmetRow[] {
  const groups = new Map<string | null, UnmetRow>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { key, label: labelOf(key), counts: zero(), cases: 0 };
    for (const reason of reasonsOf(row)) group.counts[reason] += 1;
    group.cases += 1;
    groups.set(key, group);
  }
  // Most cases first; rows without a division or district last.
  return [...groups.values()].sort(
    (a, b) => b.cases - a.cases || Number(a.key === null) - Number(b.key === null) || (a.key ?? '').localeCompare(b.key ?? ''),
  );
}

/**
 * The demand the desk could not meet in a period: the period's cases closed without any
 * introduction, with every introduction "Passt nicht", or with every availability check answered
 * "no", by week, WZ division and district; and the staff searches that found nothing.
 */
export async function loadUnmetDemand(period: ReportPeriod): Promise<UnmetDemand> {
  const [weeks, rows, divisions, districtList, searchMisses] = await Promise.all([
    weeksOf(period),
    unmetCases(period),
    divisionTitles(),
    db.select({ key: districts.key, name: districts.name }).from(districts),
    searchMissTerms(period, TOP_TERMS),
  ]);
  const reasons = zero();
  const weekly = new Map<string, { week: string; key: UnmetReason; n: number }>();
  for (const row of rows) {
    for (const reason of reasonsOf(row)) {
      reasons[reason] += 1;
      const entry = weekly.get(`${row.week} ${reason}`) ?? { week: row.week!, key: reason, n: 0 };
      entry.n += 1;
      weekly.set(`${row.week} ${reason}`, entry);
    }
  }
  const divisionTitle = new Map(divisions.map((d) => [d.division, `${d.division} ${d.title}`]));
  const districtName = new Map(districtList.map((d) => [d.key, d.name]));
  return {
    cases: rows.length,
    reasons,
    byWeek: pivot(weeks, [...weekly.values()]),
    byDivision: groupRows(
      rows,
      (row) => row.division,
      (key) => (key === null ? null : (divisionTitle.get(key) ?? key)),
    ),
    byDistrict: groupRows(
      rows,
      (row) => row.districtKey,
      (key) => (key === null ? null : (districtName.get(key) ?? key)),
    ),
    searchMisses,
  };
}

const e = messages.reports.unmetDemand.export;

/** The period's unmet cases, one row each, with their reasons; no names, addresses or free text. */
export async function unmetDemandCsv(period: ReportPeriod): Promise<string> {
  const [rows, districtList] = await Promise.all([
    unmetCases(period),
    db.select({ key: districts.key, name: districts.name }).from(districts),
  ]);
  const districtName = new Map(districtList.map((d) => [d.key, d.name]));
  const yesNo = (value: boolean) => (value ? messages.reports.export.yes : messages.reports.export.no);
  return toSpreadsheetCsv(Object.values(e.columns), [
    ...rows.map((row) => [
      row.reference,
      row.createdOn,
      messages.statuses[row.status],
      messages.categories[row.category],
      row.division ?? '',
      row.districtKey ? (districtName.get(row.districtKey) ?? row.districtKey) : '',
      yesNo(row.closedWithoutIntroduction),
      yesNo(row.allNoFit),
      yesNo(row.allChecksNo),
    ]),
  ]);
}

/** The period's search terms that found nothing, with how often they were searched. */
export async function searchMissesCsv(period: ReportPeriod): Promise<string> {
  const rows = await searchMissTerms(period);
  return toSpreadsheetCsv(
    Object.values(e.missColumns),
    rows.map((row) => [row.term, String(row.searches)]),
  );
}
