import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { capacityOffers } from '../../db/schema';
import { log } from '../log';
import { runPeriodically } from '../periodic';
import { refreshSearchFields } from '../suppliers/write';
import { berlinDate, HOUR_MS, TIME_ZONE } from '../time';

const BATCH = 200;
const FIRST_RUN_DELAY_MS = 60_000;

/**
 * Takes expired offers out of their companies' search fields. An accepted offer whose day has
 * passed but whose row was last touched while it was still valid is due; the run touches it
 * (updated_at), so it is done once. Claimed with SKIP LOCKED: instances running at once split the work.
 */
export async function refreshExpiredOffers(now = new Date()): Promise<number> {
  const today = berlinDate(now);
  // The first moment after the offer's last day, in German time.
  const expiredAt = sql`((${capacityOffers.availableUntil} + 1)::timestamp at time zone ${TIME_ZONE})`;
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: capacityOffers.id, companyId: capacityOffers.companyId })
        .from(capacityOffers)
        .where(
          and(eq(capacityOffers.status, 'accepted'), lt(capacityOffers.availableUntil, today), lt(capacityOffers.updatedAt, expiredAt)),
        )
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      await tx
        .update(capacityOffers)
        .set({ updatedAt: now })
        .where(
          inArray(
            capacityOffers.id,
            due.map((d) => d.id),
          ),
        );
      await refreshSearchFields(tx, [...new Set(due.map((d) => d.companyId!))], today);
      return due.length;
    });
    total += done;
    if (done < BATCH) break;
  }
  if (total > 0) log.info({ event: 'offers.expired', offers: total });
  return total;
}

/** Checks hourly, so an offer leaves the search within the hour after its last day ends. */
export function startOfferExpiryWorker(): () => void {
  return runPeriodically('offers.expiry', () => refreshExpiredOffers(), HOUR_MS, FIRST_RUN_DELAY_MS);
}
