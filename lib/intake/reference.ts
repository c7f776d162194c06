import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/client';
import { referenceCounters } from '../../db/schema';
import { berlinDate } from '../time';

const prefix = (year: number) => `LS-${year}-`;

export function formatReference(year: number, n: number): string {
  return `${prefix(year)}${String(n).padStart(5, '0')}`;
}

/**
 * Case references count per calendar year in German time. Through the one shared formatter:
 * creating an `Intl.DateTimeFormat` per call was 5 % of the server's CPU under intake load.
 */
export function referenceYear(now: Date): number {
  return Number(berlinDate(now).slice(0, 4));
}

/**
 * SQL that takes the year's next number and returns the reference (`formatReference` in SQL;
 * lpad alone would cut a sixth digit). The counter row stays locked until COMMIT, and a rollback
 * returns the number, so references have no gaps: run it in the case's transaction. With `when`
 * it takes a number only if that condition holds.
 */
export function takeReferenceSql(year: number, when?: SQL): SQL {
  return sql`insert into ${referenceCounters} (year, last_number) select ${year}::int, 1 ${when ? sql`where ${when}` : sql``}
    on conflict (year) do update set last_number = ${referenceCounters}.last_number + 1
    returning ${prefix(year)} || lpad(last_number::text, greatest(5, length(last_number::text)), '0') as reference`;
}

/** Takes the next reference of the year; see `takeReferenceSql`. */
export async function nextReference(tx: Executor, now = new Date()): Promise<string> {
  const [row] = await rowsOf<{ reference: string }>(tx, takeReferenceSql(referenceYear(now)));
  return row!.reference;
}
