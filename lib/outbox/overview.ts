import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { outbox } from '../../db/schema';

/**
 * What an admin sees of a mail: its state in words a person understands. `retrying` is a
 * mail whose last attempt failed and that waits for its next one; mails are never given up.
 */
export const OUTBOX_STATES = ['queued', 'sending', 'retrying', 'sent'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

const state = sql<OutboxState>`case
  when ${outbox.status} = 'sent' then 'sent'
  when ${outbox.lockedUntil} > now() then 'sending'
  when ${outbox.lastError} is not null then 'retrying'
  else 'queued' end`;

export interface UnsentMail {
  id: number;
  state: Exclude<OutboxState, 'sent'>;
  recipient: string;
  subject: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

export interface OutboxOverview {
  counts: Record<OutboxState, number>;
  /** Longest-waiting first; bodies are left out, they hold the requesters' details. */
  unsent: UnsentMail[];
  unsentTotal: number;
}

export async function outboxOverview(limit = 200): Promise<OutboxOverview> {
  const grouped = await db.select({ state, n: sql<number>`count(*)::int` }).from(outbox).groupBy(state);
  const counts = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<OutboxState, number>;
  for (const row of grouped) counts[row.state] = row.n;

  const unsent = await db
    .select({
      id: outbox.id,
      state,
      recipient: outbox.recipient,
      subject: outbox.subject,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(eq(outbox.status, 'pending'))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(limit);
  return {
    counts,
    unsent: unsent as UnsentMail[],
    unsentTotal: counts.queued + counts.sending + counts.retrying,
  };
}

export type RetryResult = { ok: true } | { ok: false; reason: 'not_found' | 'sent' | 'sending' };

/**
 * Makes a waiting mail due at once; the next worker run sends it. A mail that is being sent
 * right now keeps its lease, so "retry" can never make it go out twice.
 */
export async function retryMailNow(id: number): Promise<RetryResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: outbox.status, sending: sql<boolean>`coalesce(${outbox.lockedUntil} > now(), false)` })
      .from(outbox)
      .where(eq(outbox.id, id))
      .for('update');
    if (!row) return { ok: false, reason: 'not_found' } as const;
    if (row.status === 'sent') return { ok: false, reason: 'sent' } as const;
    if (row.sending) return { ok: false, reason: 'sending' } as const;
    await tx
      .update(outbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
    return { ok: true } as const;
  });
}
