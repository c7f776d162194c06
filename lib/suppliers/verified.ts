import { asc, count, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies } from '../../db/schema';

/** An entry counts as checked this long after the company last confirmed or corrected it. */
export const VERIFIED_MONTHS = 24;

const cutoff = (now?: Date) =>
  sql`(${now ? sql`${now.toISOString()}::timestamptz` : sql`now()`} - make_interval(months => ${VERIFIED_MONTHS}))`;

/** Confirmed by the company within the last 24 months (the search filter "nur geprüfte Einträge"). */
export const isRecentlyVerified = (now?: Date): SQL => gte(companies.verifiedAt, cutoff(now));

/** Not confirmed for more than 24 months, or never; both arms use companies_verified_idx. */
export const isLongUnverified = (now?: Date): SQL => or(isNull(companies.verifiedAt), lt(companies.verifiedAt, cutoff(now)))!;

export const UNVERIFIED_PAGE_SIZE = 50;

/** The statements of one page of the list of long-unverified entries, never-confirmed first. */
export function unverifiedQueries(page: number, now?: Date) {
  const where = isLongUnverified(now);
  return {
    rows: db
      .select({
        id: companies.id,
        name: companies.name,
        postalCode: companies.postalCode,
        city: companies.city,
        email: companies.email,
        verifiedAt: companies.verifiedAt,
        entryCheckSentAt: companies.entryCheckSentAt,
      })
      .from(companies)
      .where(where)
      .orderBy(sql`${companies.verifiedAt} asc nulls first`, asc(companies.id))
      .limit(UNVERIFIED_PAGE_SIZE)
      .offset((page - 1) * UNVERIFIED_PAGE_SIZE),
    total: db.select({ n: count() }).from(companies).where(where),
  };
}

export async function loadUnverified(page: number, now?: Date) {
  const queries = unverifiedQueries(page, now);
  const [rows, [total]] = await Promise.all([queries.rows, queries.total]);
  return { rows, total: total?.n ?? 0 };
}
