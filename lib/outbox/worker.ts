import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { db } from '../../db/client';
import { outbox, type OutboxMessage } from '../../db/schema';
import { messageFiles } from '../attachments/store';
import { config } from '../config';
import { log } from '../log';
import { runPeriodically } from '../periodic';

const BATCH = 10;
// Longer than a whole batch can take with the SMTP timeouts below (10 × 50 s), so a slow
// server never lets a second worker pick up a message that is still being sent.
const LEASE_SECONDS = 600;
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
const MAX_BACKOFF_SECONDS = 3600;

export type SendMail = (message: OutboxMessage) => Promise<void>;

/** Retry delay after the n-th failed attempt: 30 s, 1 min, 2 min … capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Leases due messages. SKIP LOCKED lets several app instances work the outbox at once
 * without sending a message twice; the lease frees messages of a worker that died.
 */
export async function claimDueMessages(limit = BATCH): Promise<OutboxMessage[]> {
  const token = randomUUID();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        sql`${outbox.status} = 'pending' and ${outbox.nextAttemptAt} <= now()
            and (${outbox.lockedUntil} is null or ${outbox.lockedUntil} < now())`,
      )
      .orderBy(outbox.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
        leaseToken: token,
        attempts: sql`${outbox.attempts} + 1`,
      })
      .where(
        sql`${outbox.id} in (${sql.join(
          due.map((d) => sql`${d.id}`),
          sql`, `,
        )})`,
      )
      .returning();
  });
}

/** Sends what is due; a failure schedules a retry and never throws. Returns counts. */
export async function processOutbox(send: SendMail = defaultSender()) {
  const messages = await claimDueMessages();
  let sent = 0;
  let failed = 0;
  for (const message of messages) {
    try {
      await send(message);
      await db.update(outbox).set({ status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null }).where(heldLease(message));
      sent++;
      log.info({ event: 'outbox.sent', id: message.id, template: message.template });
    } catch (error) {
      const delay = backoffSeconds(message.attempts);
      await db
        .update(outbox)
        .set({
          lockedUntil: null,
          lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
          nextAttemptAt: sql`now() + make_interval(secs => ${delay})`,
        })
        .where(heldLease(message));
      failed++;
      log.warn({ event: 'outbox.retry', id: message.id, attempts: message.attempts, retryInSeconds: delay });
    }
  }
  return { sent, failed };
}

/** Results are only written while this worker still holds the message's lease. */
function heldLease(message: OutboxMessage) {
  return and(eq(outbox.id, message.id), eq(outbox.leaseToken, message.leaseToken!))!;
}

let transporter: Transporter | undefined;

/** SMTP when SMTP_URL is set; otherwise the mail is only noted in the log (demo mode). */
export function defaultSender(): SendMail {
  const { SMTP_URL, MAIL_FROM } = config();
  if (!SMTP_URL) {
    return async (message) => {
      log.info({ event: 'outbox.logged', id: message.id, template: message.template, subject: message.subject });
    };
  }
  transporter ??= nodemailer.createTransport({ url: SMTP_URL, ...SMTP_TIMEOUTS });
  return async (message) => {
    const files = message.messageId === null ? [] : await messageFiles(message.messageId);
    await transporter!.sendMail({
      from: MAIL_FROM,
      to: message.recipient,
      subject: message.subject,
      replyTo: message.replyTo ?? undefined,
      text: message.body,
      attachments: files.map((file) => ({ filename: file.fileName, content: file.bytes, contentType: file.mediaType })),
    });
  };
}

/** Polls the outbox in the background of each app instance. */
export function startOutboxWorker(): () => void {
  return runPeriodically('outbox', () => processOutbox(), Math.max(1, config().OUTBOX_INTERVAL_SECONDS) * 1000);
}
