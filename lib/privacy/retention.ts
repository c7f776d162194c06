import { and, asc, isNull, lt, ne, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, isClosedStatus, outbox } from '../../db/schema';
import { removeOrphanFiles, removeStoredFiles } from '../attachments/store';
import { config } from '../config';
import { log } from '../log';
import { runPeriodically } from '../periodic';
import { anonymiseCases } from './anonymise';
import { deleteRejectedOffers } from './offers';

const BATCH = 200;
const FIRST_RUN_DELAY_MS = 15_000;

export interface RetentionResult {
  cases: number;
  mails: number;
}

/**
 * Anonymises closed cases whose last change is older than the retention period, and deletes
 * outbox mails older than it that are no longer waiting to be sent; files their rows no longer
 * point to go too (lib/attachments/store.ts). Small transactions with
 * SKIP LOCKED: several app instances may run this at once without doing a case twice, and a
 * case being edited right now is left for the next run.
 */
export async function runRetention(options: { now?: Date; months?: number } = {}): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const months = options.months ?? config().RETENTION_MONTHS;
  // PostgreSQL's calendar arithmetic: 31 March minus one month is 28/29 February.
  const cutoff = sql`(${now.toISOString()}::timestamptz - make_interval(months => ${months}))`;

  let anonymised = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(isNull(cases.anonymisedAt), isClosedStatus(cases.status), lt(cases.updatedAt, cutoff)))
        .orderBy(asc(cases.updatedAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const { ids, storedFiles } = await anonymiseCases(
        tx,
        due.map((d) => d.id),
        { kind: 'retention' },
        now,
      );
      return { found: due.length, ids, storedFiles };
    });
    await removeStoredFiles(done.storedFiles);
    anonymised += done.ids.length;
    if (done.found < BATCH) break;
  }

  const mails = await db
    .delete(outbox)
    .where(and(ne(outbox.status, 'pending'), lt(outbox.createdAt, cutoff)))
    .returning({ id: outbox.id });
  await removeOrphanFiles({ now });
  const offers = await deleteRejectedOffers(cutoff);

  if (anonymised + mails.length + offers > 0) {
    log.info({ event: 'retention.anonymised', cases: anonymised, mails: mails.length, offers, months });
  }
  return { cases: anonymised, mails: mails.length };
}

/** Runs the retention job in the background of each app instance, soon after start and then periodically. */
export function startRetentionWorker(): () => void {
  return runPeriodically('retention', () => runRetention(), config().RETENTION_INTERVAL_MINUTES * 60_000, FIRST_RUN_DELAY_MS);
}
