import { and, between, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { caseEvents, cases, introductions } from '../../db/schema';
import { caseEventField, isCaseEvent } from '../cases/events';
import type { CaseStatus } from '../cases/vocabulary';
import { TIME_ZONE } from '../time';
import type { ReportPeriod } from './period';

// A literal, not a parameter: grouping sets match expressions by their text.
export const ZONE = sql.raw(`'${TIME_ZONE}'`);

const RESOLVED: CaseStatus = 'resolved';

/** Midnight of a calendar day in Germany as a timestamptz, so a plain index on the column serves the range. */
const berlinMidnight = (isoDate: string) => sql`(${isoDate}::date::timestamp at time zone ${ZONE})`;

/** Timestamps from the first day's midnight to the midnight after the last day (Europe/Berlin). */
export function timestampInPeriod(column: PgColumn, period: ReportPeriod): SQL {
  return and(gte(column, berlinMidnight(period.from)), lt(column, sql`(${period.to}::date + 1)::timestamp at time zone ${ZONE}`))!;
}

export const caseInPeriod = (period: ReportPeriod) => timestampInPeriod(cases.createdAt, period);
export const introductionInPeriod = (period: ReportPeriod) => between(introductions.introducedOn, period.from, period.to);

/** The start (Monday 00:00) of the ISO week a timestamp falls in, in German time. */
export const berlinWeekOf = (column: PgColumn) => sql`date_trunc('week', ${column} at time zone ${ZONE})`;
/** The start of the ISO week of a date column; the cast keeps date_trunc off the session time zone. */
export const weekOfDate = (column: PgColumn) => sql`date_trunc('week', ${column}::timestamp)`;
/** A week start as the date of its Monday, YYYY-MM-DD. */
export const mondayOf = (week: SQL) => sql<string | null>`to_char(${week}, 'YYYY-MM-DD')`;

/** The calendar day (Europe/Berlin) a case came in. */
export const caseCreatedDay = sql`(${cases.createdAt} at time zone ${ZONE})::date`;

/** Per case: the date of its first introduction (index introductions_case_idx). */
export const firstIntroducedOn = sql`(select min(${introductions.introducedOn}) from ${introductions} where ${introductions.caseId} = ${cases.id})`;

/** Per case: when it was first set to resolved; a later reopening does not undo that (index case_events_case_idx). */
export const firstResolvedAt = sql`(select min(${caseEvents.createdAt}) from ${caseEvents} where ${caseEvents.caseId} = ${cases.id} and ${isCaseEvent('status_changed')} and ${caseEventField('status_changed', 'to')} = ${sql.raw(`'${RESOLVED}'`)})`;
