import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { outbox, type OutboxMessage } from '@/db/schema';
import { enqueueMail, type Mail } from '@/lib/outbox/enqueue';
import { claimDueMessages, processOutbox, type SendMail } from '@/lib/outbox/worker';

const mail = (i: number): Mail => ({
  template: 'request_confirmation',
  recipient: `anfrage-${i}@firma.example`,
  caseId: null,
  subject: `Ihre Anfrage LS-2026-${String(i).padStart(5, '0')}`,
  body: `Guten Tag,\n\nNachricht Nummer ${i}.`,
});

async function enqueue(n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) ids.push(await enqueueMail(db, mail(i)));
  return ids;
}

const rows = () => db.select().from(outbox).orderBy(asc(outbox.id));
async function row(id: number): Promise<OutboxMessage> {
  const [found] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!found) throw new Error(`outbox message ${id} is gone`);
  return found;
}

/** A time relative to the database clock, in seconds (negative: in the past). */
const inSeconds = (seconds: number): SQL => sql`now() + make_interval(secs => ${seconds})`;
async function update(id: number, values: PgUpdateSetSource<typeof outbox>) {
  if (Object.keys(values).length > 0) await db.update(outbox).set(values).where(eq(outbox.id, id));
}

/** A sender that works (and records what it sent) or fails with `error`. */
function fakeSender(error?: unknown) {
  const sent: OutboxMessage[] = [];
  const send: SendMail = async (message) => {
    if (error !== undefined) throw error;
    sent.push(message);
  };
  return { sent, send, recipients: () => sent.map((message) => message.recipient).sort() };
}

const ids = (messages: OutboxMessage[]) => messages.map((message) => message.id).sort((a, b) => a - b);

beforeEach(async () => {
  await db.execute(sql`truncate ${outbox}`);
});

describe('enqueueMail', () => {
  it('stores a pending mail that is due at once', async () => {
    const [id] = await enqueue(1);
    expect(await row(id!)).toMatchObject({
      ...mail(1),
      status: 'pending',
      attempts: 0,
      lockedUntil: null,
      lastError: null,
      sentAt: null,
    });
    expect((await row(id!)).nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('stores nothing when the business transaction rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueMail(tx, mail(1));
        throw new Error('case insert failed');
      }),
    ).rejects.toThrow('case insert failed');
    expect(await rows()).toEqual([]);
  });
});

describe('processOutbox', () => {
  it('sends every due mail and marks it sent', async () => {
    const before = Date.now();
    await enqueue(3);
    const sender = fakeSender();

    expect(await processOutbox(sender.send)).toEqual({ sent: 3, failed: 0 });

    expect(sender.recipients()).toEqual([1, 2, 3].map((i) => mail(i).recipient));
    expect(sender.sent[0]).toMatchObject(mail(1));
    for (const stored of await rows()) {
      expect(stored).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null, lastError: null });
      expect(stored.sentAt!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    }
    expect(await processOutbox(sender.send)).toEqual({ sent: 0, failed: 0 });
    expect(sender.sent).toHaveLength(3);
  });

  it('keeps a mail whose sending failed, retries it after the backoff and sends it exactly once', async () => {
    const [id] = await enqueue(1);
    const broken = fakeSender(new Error('451 4.3.0 Mail server temporarily unavailable'));
    const working = fakeSender();

    expect(await processOutbox(broken.send)).toEqual({ sent: 0, failed: 1 });
    const failed = await row(id!);
    expect(failed).toMatchObject({
      status: 'pending',
      attempts: 1,
      lockedUntil: null,
      sentAt: null,
      lastError: '451 4.3.0 Mail server temporarily unavailable',
    });
    const firstDelay = failed.nextAttemptAt.getTime() - Date.now();
    expect(firstDelay).toBeGreaterThan(20_000);
    expect(firstDelay).toBeLessThanOrEqual(30_000);

    // Not due yet: an immediate second run leaves it alone.
    expect(await processOutbox(working.send)).toEqual({ sent: 0, failed: 0 });
    expect(working.sent).toHaveLength(0);

    // A second failure doubles the delay.
    await update(id!, { nextAttemptAt: inSeconds(-1) });
    expect(await processOutbox(broken.send)).toEqual({ sent: 0, failed: 1 });
    const secondDelay = (await row(id!)).nextAttemptAt.getTime() - Date.now();
    expect(secondDelay).toBeGreaterThan(50_000);
    expect(secondDelay).toBeLessThanOrEqual(60_000);

    await update(id!, { nextAttemptAt: inSeconds(-1) });
    expect(await processOutbox(working.send)).toEqual({ sent: 1, failed: 0 });
    expect(await row(id!)).toMatchObject({ status: 'sent', attempts: 3, lastError: null, sentAt: expect.any(Date) });

    await update(id!, { nextAttemptAt: inSeconds(-1) });
    expect(await processOutbox(working.send)).toEqual({ sent: 0, failed: 0 });
    expect(working.recipients()).toEqual([mail(1).recipient]);
  });

  it.each([
    ['a long error message, shortened', new Error('x'.repeat(600)), 'x'.repeat(500)],
    ['something that is not an Error', 'connection reset', 'unknown error'],
  ])('records %s as the last error', async (_, thrown, lastError) => {
    const [id] = await enqueue(1);
    expect(await processOutbox(fakeSender(thrown).send)).toEqual({ sent: 0, failed: 1 });
    expect((await row(id!)).lastError).toBe(lastError);
  });

  it('sends each mail exactly once when several workers run at the same time', async () => {
    await enqueue(25);
    const sender = fakeSender();
    const results = await Promise.all(Array.from({ length: 3 }, () => processOutbox(sender.send)));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(25);
    expect(sender.recipients()).toEqual(Array.from({ length: 25 }, (_, i) => mail(i + 1).recipient).sort());
    expect((await rows()).every((stored) => stored.status === 'sent')).toBe(true);
  });
});

describe('claimDueMessages', () => {
  it('never hands one message to two concurrent claims', async () => {
    const enqueued = await enqueue(30);
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimDueMessages(10)));
    const claimed = claims.flat();

    expect(claims.every((batch) => batch.length <= 10)).toBe(true);
    expect(ids(claimed)).toEqual(enqueued);
    for (const message of claimed) {
      expect(message.attempts).toBe(1);
      expect(message.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 60_000);
    }
    expect(await claimDueMessages(10)).toEqual([]);
  });

  it('takes the longest-due messages first, up to the limit', async () => {
    const [a, b, c, d] = await enqueue(4);
    await update(a!, { nextAttemptAt: inSeconds(-10) });
    await update(b!, { nextAttemptAt: inSeconds(-300) });
    await update(c!, { nextAttemptAt: inSeconds(-60) });
    await update(d!, { nextAttemptAt: inSeconds(-1) });
    expect(ids(await claimDueMessages(2))).toEqual([b, c]);
  });

  it.each([
    ['a pending, due message', true, {}],
    ['a message whose lease has expired', true, { lockedUntil: inSeconds(-1) }],
    ['a message leased by another worker', false, { lockedUntil: inSeconds(60) }],
    ['a message waiting for its retry', false, { nextAttemptAt: inSeconds(60) }],
    ['a sent message', false, { status: 'sent', sentAt: inSeconds(-5) }],
  ] satisfies Array<[string, boolean, PgUpdateSetSource<typeof outbox>]>)('%s: claimed = %s', async (_, claimable, state) => {
    const [id] = await enqueue(1);
    await update(id!, state);
    expect(ids(await claimDueMessages())).toEqual(claimable ? [id] : []);
  });

  it('claims a leased message again only after its lease ran out', async () => {
    const [id] = await enqueue(1);
    expect(ids(await claimDueMessages())).toEqual([id]);
    expect(await claimDueMessages()).toEqual([]);

    // The worker holding the lease died; once the lease is over another one takes the mail.
    await update(id!, { lockedUntil: inSeconds(-1) });
    const [reclaimed] = await claimDueMessages();
    expect(reclaimed).toMatchObject({ id, attempts: 2, status: 'pending' });
    expect(reclaimed!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 60_000);
  });

  it('lets a worker whose lease was taken over not overwrite the new holder', async () => {
    const [id] = await enqueue(1);
    const stalled = fakeSender();
    let release!: () => void;
    const hanging: SendMail = (message) => new Promise((resolve) => (release = () => resolve(stalled.send(message))));
    const slowWorker = processOutbox(hanging);
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Lease expires while the first worker hangs; a second worker claims the mail and fails.
    await update(id!, { lockedUntil: inSeconds(-1) });
    await processOutbox(fakeSender(new Error('SMTP 451')).send);
    release();
    await slowWorker;
    // The stalled worker's late success must not overwrite the retry the second worker scheduled.
    expect(await row(id!)).toMatchObject({ status: 'pending', lastError: 'SMTP 451', attempts: 2 });
  });
});
