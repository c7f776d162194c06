/**
 * The outbox against a real SMTP conversation (nodemailer → a local smtp-server): while the
 * mail server is down or refuses, mails wait and are retried with backoff; once it is back,
 * each is delivered exactly once. The admin overview shows every step.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { outbox } from '@/db/schema';
import { enqueueMail } from '@/lib/outbox/enqueue';
import { outboxOverview, retryMailNow } from '@/lib/outbox/overview';
import { processOutbox } from '@/lib/outbox/worker';
import { freePort } from '../../scripts/app-server';
import { startSmtpSink } from '../helpers/smtp-sink';

let port: number;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;

const recipients = (n: number) => Array.from({ length: n }, (_, i) => `empfaenger-${i + 1}@firma.example`);

async function enqueue(n: number) {
  for (const [i, recipient] of recipients(n).entries()) {
    await enqueueMail(db, {
      template: 'request_confirmation',
      recipient,
      caseId: null,
      subject: `Ihre Anfrage LS-2026-${String(i + 1).padStart(5, '0')}`,
      body: `Nachricht ${i + 1}`,
    });
  }
}

const rows = () => db.select().from(outbox).orderBy(asc(outbox.id));
/** Lets the clock "run": every waiting mail becomes due, as after its backoff. */
const backoffPasses = () => db.update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` });

beforeAll(async () => {
  port = await freePort();
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = 'Lotse <lotse@leg.example>';
});

afterAll(async () => {
  await sink?.close();
  delete process.env.SMTP_URL;
});

beforeEach(async () => {
  await db.execute(sql`truncate ${outbox}`);
});

describe('outbox with the mail server down', () => {
  it('keeps mails while the server refuses connections and delivers each once when it is back', async () => {
    await enqueue(5);

    // Down: nothing listens on the port (connection refused).
    expect(await processOutbox()).toEqual({ sent: 0, failed: 5 });
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null, sentAt: null });
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      const delay = row.nextAttemptAt.getTime() - Date.now();
      expect(delay).toBeGreaterThan(20_000);
      expect(delay).toBeLessThanOrEqual(30_000);
    }
    let overview = await outboxOverview();
    expect(overview.counts).toEqual({ queued: 0, sending: 0, retrying: 5, sent: 0 });
    expect(overview.unsent.map((m) => m.recipient)).toEqual(recipients(5));
    expect(overview.unsent[0]).toMatchObject({ state: 'retrying', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });

    // Not due yet: a worker run leaves them alone.
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });

    // Still down after the backoff: the next delay doubles.
    await backoffPasses();
    expect(await processOutbox()).toEqual({ sent: 0, failed: 5 });
    for (const row of await rows()) {
      expect(row.attempts).toBe(2);
      expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(50_000);
    }

    // The server comes back; an admin presses "retry now" on every mail.
    sink = await startSmtpSink(port);
    for (const mail of overview.unsent) expect(await retryMailNow(mail.id)).toEqual({ ok: true });
    expect(await processOutbox()).toEqual({ sent: 5, failed: 0 });
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual(recipients(5));
    expect(sink.received.every((m) => m.from === 'lotse@leg.example')).toBe(true);
    expect(sink.received.map((m) => /Subject: (.*)/.exec(m.raw)?.[1]).sort()).toEqual(
      recipients(5).map((_, i) => `Ihre Anfrage LS-2026-${String(i + 1).padStart(5, '0')}`),
    );
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null, sentAt: expect.any(Date) });
    }

    // Nothing is sent twice, whatever runs later.
    await backoffPasses();
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    expect(sink.received).toHaveLength(5);
    overview = await outboxOverview();
    expect(overview.counts).toEqual({ queued: 0, sending: 0, retrying: 0, sent: 5 });
    expect(overview.unsent).toEqual([]);
  });

  it('retries a mail the server refused temporarily (451) and delivers it once', async () => {
    sink ??= await startSmtpSink(port);
    sink.received.length = 0;
    await enqueue(2);
    sink.rejectNextMails(1);

    expect(await processOutbox()).toEqual({ sent: 1, failed: 1 });
    const [refused] = (await rows()).filter((row) => row.status === 'pending');
    expect(refused!.lastError).toMatch(/451/);
    expect((await outboxOverview()).counts).toMatchObject({ retrying: 1, sent: 1 });

    await backoffPasses();
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual(recipients(2));
  });
});

describe('retryMailNow', () => {
  it('makes a waiting mail due at once and keeps everything else', async () => {
    await enqueue(1);
    const [mail] = await rows();
    await db
      .update(outbox)
      .set({ attempts: 4, lastError: 'timeout', nextAttemptAt: sql`now() + interval '1 hour'` })
      .where(eq(outbox.id, mail!.id));
    expect(await retryMailNow(mail!.id)).toEqual({ ok: true });
    const [after] = await rows();
    expect(after).toMatchObject({ status: 'pending', attempts: 4, lastError: 'timeout' });
    expect(after!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it.each([
    ['a sent mail', { status: 'sent' as const, sentAt: new Date() }, 'sent'],
    ['a mail being sent right now', { lockedUntil: sql`now() + interval '5 minutes'` }, 'sending'],
  ])('refuses %s and changes nothing', async (_, state, reason) => {
    await enqueue(1);
    const [mail] = await rows();
    await db.update(outbox).set(state).where(eq(outbox.id, mail!.id));
    const [before] = await rows();
    expect(await retryMailNow(mail!.id)).toEqual({ ok: false, reason });
    expect(await rows()).toEqual([before]);
  });

  it('refuses a mail that does not exist', async () => {
    expect(await retryMailNow(987_654)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('counts a mail being sent as such and one never tried as queued', async () => {
    await enqueue(2);
    const [first] = await rows();
    await db.update(outbox).set({ lockedUntil: sql`now() + interval '5 minutes'`, attempts: 1 }).where(eq(outbox.id, first!.id));
    const overview = await outboxOverview();
    expect(overview.counts).toEqual({ queued: 1, sending: 1, retrying: 0, sent: 0 });
    expect(overview.unsent.map((m) => m.state)).toEqual(['sending', 'queued']);
    expect(overview.unsentTotal).toBe(2);
  });
});
