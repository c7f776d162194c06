import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, openDatabase, rowsOf } from '@/db/client';
import { caseEvents, cases, outbox, rateLimits, referenceCounters } from '@/db/schema';
import { acceptHelpRequest } from '@/lib/intake/accept';
import { messages } from '@/lib/i18n';
import { issueFormToken } from '@/lib/intake/form-token';
import { helpRequestSchema } from '@/lib/intake/schema';
import { submitHelpRequest } from '@/lib/intake/submit';
import { findPublicStatus } from '@/lib/intake/status';
import { formatReference } from '@/lib/intake/reference';
import { validRequest } from '../helpers/fixtures';
import { testServerUrl } from '../helpers/test-database';

const parse = (overrides = {}) => helpRequestSchema.parse(validRequest(overrides));
const year = new Date().getFullYear();

async function countRows() {
  const [c] = await db.select({ n: count() }).from(cases);
  const [e] = await db.select({ n: count() }).from(caseEvents);
  const [o] = await db.select({ n: count() }).from(outbox);
  return { cases: c!.n, events: e!.n, mails: o!.n };
}

beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters}, ${rateLimits} cascade`);
});

describe('submitHelpRequest', () => {
  it('stores the case, its first event and the confirmation mail together', async () => {
    const result = await submitHelpRequest(parse({ quantity: '5.000 Stück' }));
    expect(result).toEqual({ ok: true, reference: `LS-${year}-00001`, created: true });
    const [stored] = await db.select().from(cases);
    expect(stored).toMatchObject({
      status: 'new',
      organisation: 'Müller & Söhne Präzisionsteile GmbH',
      quantity: '5.000 Stück',
      districtKey: '16051',
      consentVersion: expect.any(String),
    });
    expect(stored!.latitude).toBeCloseTo(50.98, 1);
    const events = await db.select().from(caseEvents);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      caseId: stored!.id,
      type: 'submitted',
      actorId: null,
      data: { reference: `LS-${year}-00001`, geocoded: true },
      createdAt: stored!.createdAt,
    });
    const mails = await db.select().from(outbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: 'j.weiss@mueller-praezision.de', status: 'pending', caseId: stored!.id });
    expect(mails[0]!.subject).toContain(`LS-${year}-00001`);
    expect(mails[0]!.body).toContain(`/request/status?ref=LS-${year}-00001`);
    // The stand-ins the single insert statement fills in are gone everywhere.
    expect(JSON.stringify([stored, events, mails])).not.toMatch(/\[(reference|case) /);
  });

  it('numbers past 99,999 with a sixth digit, as formatReference does', async () => {
    await db.insert(referenceCounters).values({ year, lastNumber: 99_998 });
    const results = [await submitHelpRequest(parse()), await submitHelpRequest(parse())];
    expect(results.map((r) => r.ok && r.reference)).toEqual([formatReference(year, 99_999), formatReference(year, 100_000)]);
    expect(formatReference(year, 100_000)).toBe(`LS-${year}-100000`);
  });

  it('keeps umlauts, emoji, HTML and SQL-looking text verbatim', async () => {
    const description = `<script>alert("x")</script> '; DROP TABLE cases; -- Größe ✅ 🧪 Maße: 10×20 mm`;
    const { reference } = (await submitHelpRequest(parse({ description, organisation: "O'Brien <b>GmbH</b>" }))) as {
      reference: string;
    };
    const [stored] = await db.select().from(cases).where(eq(cases.reference, reference));
    expect(stored!.description).toBe(description);
    expect(stored!.organisation).toBe("O'Brien <b>GmbH</b>");
  });

  it('geocodes a place among several sharing one postal code and leaves foreign codes unlocated', async () => {
    await submitHelpRequest(parse({ postal_code: '07743', city: 'Jena' }));
    await submitHelpRequest(parse({ postal_code: '10115', city: 'Berlin' }));
    const rows = await db.select().from(cases).orderBy(cases.id);
    expect(rows[0]!.districtKey).toBe('16053');
    expect(rows[1]!.districtKey).toBeNull();
    expect(rows[1]!.latitude).toBeNull();
  });

  it('refuses an unknown WZ code and stores nothing', async () => {
    const result = await submitHelpRequest(parse({ sector: '99.99' }));
    expect(result.ok).toBe(false);
    expect(await countRows()).toEqual({ cases: 0, events: 0, mails: 0 });
  });

  it('rolls back everything, including the reference number, when a write fails', async () => {
    await submitHelpRequest(parse());
    // A check constraint violation in the middle of the transaction (invalid status).
    await expect(
      db.transaction(async (tx) => {
        const { nextReference } = await import('@/lib/intake/reference');
        await nextReference(tx);
        await tx.execute(sql`insert into cases (reference, status) values ('x', 'bogus')`);
      }),
    ).rejects.toThrow();
    const second = await submitHelpRequest(parse());
    expect(second).toMatchObject({ reference: `LS-${year}-00002` });
    expect(await countRows()).toEqual({ cases: 2, events: 2, mails: 2 });
  });

  it('gives 50 concurrent submissions unique references without gaps', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => submitHelpRequest(parse({ organisation: `Firma ${i}` }))));
    const references = results.map((r) => (r.ok ? r.reference : 'failed')).sort();
    const expected = Array.from({ length: 50 }, (_, i) => `LS-${year}-${String(i + 1).padStart(5, '0')}`);
    expect(references).toEqual(expected);
    expect(await countRows()).toEqual({ cases: 50, events: 50, mails: 50 });
  });

  it('returns the first case for concurrent repeats with one idempotency key', async () => {
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submitHelpRequest(parse(), { idempotency: { key, bodyHash: 'same-request' } })),
    );
    const references = new Set(results.map((r) => (r.ok ? r.reference : 'failed')));
    expect(references).toEqual(new Set([`LS-${year}-00001`]));
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await countRows()).toEqual({ cases: 1, events: 1, mails: 1 });
  });
});

// Two requests with one key that both start before either is stored: each statement sees no case
// under the key, so the second only learns of the first from the key's unique index.
describe.skipIf(!testServerUrl())('one idempotency key, two requests in flight (PostgreSQL: several connections)', () => {
  it('answers the second with the first case, not an error', async () => {
    const holder = openDatabase({ ...process.env, DATABASE_POOL_SIZE: '1' });
    const key = randomUUID();
    try {
      const { both } = await holder.db.transaction(async (tx) => {
        // Hold the year's counter row, so that both requests take their snapshot and then wait here.
        await tx.execute(sql`insert into ${referenceCounters} (year, last_number) values (${year}, 0)
          on conflict (year) do update set last_number = ${referenceCounters}.last_number`);
        const both = Promise.all([0, 1].map(() => submitHelpRequest(parse(), { idempotency: { key, bodyHash: 'same-request' } })));
        await expect.poll(waitingForLocks, { timeout: 10_000 }).toBe(2);
        return { both }; // not awaited in here: both wait for this transaction's COMMIT
      });
      const answers = await both;
      expect(answers.map((r) => r.ok && r.reference)).toEqual([`LS-${year}-00001`, `LS-${year}-00001`]);
      expect(answers.filter((r) => r.ok && r.created)).toHaveLength(1);
      expect(await countRows()).toEqual({ cases: 1, events: 1, mails: 1 });
    } finally {
      await holder.close();
    }
  });
});

async function waitingForLocks(): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return row!.n;
}

describe('acceptHelpRequest', () => {
  const form = (overrides: Record<string, unknown> = {}) => ({
    website: '',
    form_token: issueFormToken(Date.now() - 10_000),
    idempotency_key: randomUUID(),
    ...overrides,
  });

  it('rejects invalid input with German field errors and stores nothing', async () => {
    const result = await acceptHelpRequest({ ...validRequest(), email: 'kein-at-zeichen', consent: false }, { ip: '1.2.3.4' });
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        email: expect.stringContaining('gültige E-Mail-Adresse'),
        consent: expect.stringContaining('Einwilligung'),
      },
    });
    expect(await countRows()).toEqual({ cases: 0, events: 0, mails: 0 });
  });

  it('rejects a filled honeypot, a forged token and a too-fast form', async () => {
    const honeypot = await acceptHelpRequest(validRequest(), { ip: '1.2.3.4', envelope: form({ website: 'http://spam' }) });
    const forged = await acceptHelpRequest(validRequest(), { ip: '1.2.3.4', envelope: form({ form_token: '123.abc' }) });
    const tooFast = await acceptHelpRequest(validRequest(), {
      ip: '1.2.3.4',
      envelope: form({ form_token: issueFormToken(Date.now()) }),
    });
    for (const result of [honeypot, forged, tooFast]) expect(result).toMatchObject({ ok: false, reason: 'rejected' });
    expect(tooFast).toMatchObject({ error: expect.stringContaining('sehr schnell') });
    expect(await countRows()).toEqual({ cases: 0, events: 0, mails: 0 });
  });

  it('stores at most one case per form token: a retry is a replay, another request a conflict', async () => {
    const envelope = form();
    const first = await acceptHelpRequest(validRequest(), { ip: '10.0.0.3', envelope });
    expect(first).toMatchObject({ ok: true, created: true });
    expect(await acceptHelpRequest(validRequest(), { ip: '10.0.0.3', envelope })).toMatchObject({ ok: true, created: false });
    // A bot reusing one token for other requests, with fresh retry keys and other addresses.
    for (const email of ['bot-1@spam.example', 'bot-2@spam.example']) {
      const reused = await acceptHelpRequest(validRequest({ email, organisation: 'Spam GmbH' }), {
        ip: '10.0.0.4',
        envelope: { ...envelope, idempotency_key: randomUUID() },
      });
      expect(reused).toEqual({ ok: false, reason: 'conflict', error: messages.errors.formAlreadySent });
    }
    expect((await countRows()).cases).toBe(1);
  });

  it('limits submissions per address, retries of stored requests included', async () => {
    const envelopes = Array.from({ length: 5 }, () => form());
    for (const envelope of envelopes) {
      expect(await acceptHelpRequest(validRequest(), { ip: '10.0.0.1', envelope })).toMatchObject({ ok: true });
    }
    const blocked = await acceptHelpRequest(validRequest(), { ip: '10.0.0.1', envelope: form() });
    expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    if (!blocked.ok && blocked.reason === 'rate_limited') {
      expect(blocked.retryAfterSeconds).toBeGreaterThan(500);
      expect(blocked.error).toContain('Zu viele Anfragen');
    }
    // A replay counts as well: answered before the limit, keys could be guessed for free.
    const retry = await acceptHelpRequest(validRequest(), { ip: '10.0.0.1', envelope: envelopes[4] });
    expect(retry).toMatchObject({ ok: false, reason: 'rate_limited' });
    const otherAddress = await acceptHelpRequest(validRequest(), { ip: '10.0.0.2', envelope: form() });
    expect(otherAddress).toMatchObject({ ok: true, reference: `LS-${year}-00006` });
    expect((await countRows()).cases).toBe(6);
    const keys = await db.select().from(rateLimits);
    expect(keys.map((k) => k.key).join()).not.toContain('10.0.0.1');
  });

  it('counts in an unlogged table, whose commits wait for no WAL flush', async () => {
    const [table] = await rowsOf<{ relpersistence: string }>(
      db,
      sql`select relpersistence from pg_class where oid = 'rate_limits'::regclass`,
    );
    expect(table?.relpersistence).toBe('u');
  });
});

describe('findPublicStatus', () => {
  it('needs the matching reference and email, in any letter case', async () => {
    const result = await submitHelpRequest(parse());
    const reference = result.ok ? result.reference : '';
    expect(await findPublicStatus(reference.toLowerCase(), 'J.Weiss@Mueller-Praezision.de ')).toMatchObject({
      reference,
      status: 'new',
    });
    expect(await findPublicStatus(reference, 'someone@else.de')).toBeNull();
    expect(await findPublicStatus(`LS-${year}-09999`, 'j.weiss@mueller-praezision.de')).toBeNull();
  });
});
