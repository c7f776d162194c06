import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '../../db/client';
import { cases, companies, districts, introductions, users } from '../../db/schema';
import { messages } from '../i18n';
import { toSpreadsheetCsv } from '../spreadsheet-csv';
import type { ReportPeriod } from './period';
import { caseInPeriod, firstIntroducedOn, firstResolvedAt, introductionInPeriod, ZONE } from './period-sql';
import { introductionContactShared } from '../availability/consent';

const t = messages.reports.export;

/** A timestamp as Excel reads it, in German time: 2026-03-02 14:05. */
const berlinMinute = (value: ReturnType<typeof sql>) => sql<string | null>`to_char(${value} at time zone ${ZONE}, 'YYYY-MM-DD HH24:MI')`;
const isoDay = (value: ReturnType<typeof sql>) => sql<string | null>`to_char(${value}, 'YYYY-MM-DD')`;

const cell = (value: string | number | boolean | null | undefined) =>
  value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? t.yes : t.no) : String(value);

/**
 * The cases that came in during the period, one row each, oldest first. Deliberately without
 * contact person, email, phone and the free-text need (see messages.reports.export.description).
 */
export async function casesCsv(period: ReportPeriod): Promise<string> {
  const assignee = alias(users, 'assignee');
  const rows = await db
    .select({
      reference: cases.reference,
      createdAt: berlinMinute(sql`${cases.createdAt}`),
      status: cases.status,
      category: cases.category,
      urgency: cases.urgency,
      priority: cases.priority,
      organisationKind: cases.organisationKind,
      organisation: cases.organisation,
      postalCode: cases.postalCode,
      city: cases.city,
      district: districts.name,
      sector: cases.sector,
      assignee: assignee.name,
      firstRespondedAt: berlinMinute(sql`${cases.firstRespondedAt}`),
      firstIntroducedOn: isoDay(firstIntroducedOn),
      introductions: sql<number>`(select count(*) from ${introductions} where ${introductions.caseId} = ${cases.id})`.mapWith(Number),
      resolvedAt: berlinMinute(firstResolvedAt),
    })
    .from(cases)
    .leftJoin(districts, eq(districts.key, cases.districtKey))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(caseInPeriod(period))
    .orderBy(asc(cases.createdAt), asc(cases.id));

  const columns = Object.keys(t.caseColumns) as (keyof typeof t.caseColumns)[];
  return toSpreadsheetCsv(
    columns.map((column) => t.caseColumns[column]),
    rows.map((row) =>
      columns.map((column) => {
        switch (column) {
          case 'status':
            return messages.statuses[row.status];
          case 'category':
            return messages.categories[row.category];
          case 'urgency':
            return messages.urgencies[row.urgency];
          case 'priority':
            return messages.priorities[row.priority];
          case 'organisationKind':
            return messages.kinds[row.organisationKind];
          default:
            return cell(row[column]);
        }
      }),
    ),
  );
}

/** The introductions made during the period, oldest first, without their free-text notes. */
export async function introductionsCsv(period: ReportPeriod): Promise<string> {
  const rows = await db
    .select({
      reference: cases.reference,
      organisation: cases.organisation,
      district: districts.name,
      company: companies.name,
      companyCity: companies.city,
      introducedOn: introductions.introducedOn,
      channel: introductions.channel,
      introducedBy: users.name,
      contactShared: introductionContactShared,
      outcome: introductions.outcome,
      agreementKind: introductions.agreementKind,
      followUpOn: introductions.followUpOn,
      outcomeChangedAt: berlinMinute(sql`${introductions.outcomeChangedAt}`),
    })
    .from(introductions)
    .innerJoin(cases, eq(cases.id, introductions.caseId))
    .innerJoin(companies, eq(companies.id, introductions.companyId))
    .innerJoin(users, eq(users.id, introductions.introducedById))
    .leftJoin(districts, eq(districts.key, cases.districtKey))
    .where(introductionInPeriod(period))
    .orderBy(asc(introductions.introducedOn), asc(introductions.id));

  const columns = Object.keys(t.introductionColumns) as (keyof typeof t.introductionColumns)[];
  return toSpreadsheetCsv(
    columns.map((column) => t.introductionColumns[column]),
    rows.map((row) =>
      columns.map((column) => {
        switch (column) {
          case 'channel':
            return messages.introductions.channels[row.channel];
          case 'outcome':
            return messages.introductions.outcomes[row.outcome];
          case 'agreementKind':
            return row.agreementKind ? messages.introductions.agreementKinds[row.agreementKind] : '';
          default:
            return cell(row[column]);
        }
      }),
    ),
  );
}
