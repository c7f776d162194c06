import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { referenceCounters } from '../../db/schema';
import { TIME_ZONE } from '../time';

export function formatReference(year: number, n: number): string {
  return `LS-${year}-${String(n).padStart(5, '0')}`;
}

/** Case references count per calendar year in German time. */
export function referenceYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: TIME_ZONE, year: 'numeric' }).format(now));
}

/**
 * Takes the next number of the year. Must run inside the case's transaction: the counter row
 * stays locked until commit, and a rollback returns the number, so references have no gaps.
 */
export async function nextReference(tx: Executor, now = new Date()): Promise<string> {
  const year = referenceYear(now);
  const [row] = await tx
    .insert(referenceCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: referenceCounters.year,
      set: { lastNumber: sql`${referenceCounters.lastNumber} + 1` },
    })
    .returning({ n: referenceCounters.lastNumber });
  return formatReference(year, row!.n);
}
