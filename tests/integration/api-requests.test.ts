import { count, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { caseEvents, cases, outbox, rateLimits, referenceCounters } from '@/db/schema';
import { postHelpRequest } from '@/lib/intake/http';
import { SOCKET_IP_HEADER } from '@/lib/client-ip';
import { messages } from '@/lib/i18n';
import { REFERENCE_PATTERN } from '@/lib/validation';
import { validRequest } from '../helpers/fixtures';

const m = messages.errors;
const MAX_BODY_BYTES = 64 * 1024;

/** Sends raw bytes or text to the route, from the client address `ip`. */
function postRaw(body: BodyInit, headers: Record<string, string> = {}, ip = '192.0.2.10') {
  return postHelpRequest(
    new Request('http://localhost/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SOCKET_IP_HEADER]: ip, ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
  );
}

const post = (value: unknown, headers: Record<string, string> = {}, ip?: string) => postRaw(JSON.stringify(value), headers, ip);

async function stored() {
  const [c] = await db.select({ n: count() }).from(cases);
  const [e] = await db.select({ n: count() }).from(caseEvents);
  const [o] = await db.select({ n: count() }).from(outbox);
  return { cases: c!.n, events: e!.n, mails: o!.n };
}
const nothingStored = { cases: 0, events: 0, mails: 0 };

/** A body stream that yields `chunk` again and again, and notes how far it was read. */
function endlessStream(chunk: Uint8Array) {
  const state = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulls++;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters}, ${rateLimits} cascade`);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('POST /api/requests', () => {
  it('stores a valid request and answers 201 with its reference', async () => {
    const response = await post(validRequest());
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    const { reference } = await response.json();
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(reference).toMatch(/-00001$/);

    expect(await stored()).toEqual({ cases: 1, events: 1, mails: 1 });
    const [created] = await db.select().from(cases);
    expect(created).toMatchObject({ reference, organisation: validRequest().organisation, status: 'new' });
  });

  it('answers 400 with German field errors and stores nothing', async () => {
    const response = await post({ ...validRequest(), email: 'kein-at-zeichen', postal_code: '990', consent: false });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: messages.request.fixErrors,
      field_errors: { email: m.email, postal_code: m.postalCode, consent: m.consent },
    });
    expect(await stored()).toEqual(nothingStored);
  });

  it('answers 400 on the sector field for a WZ code that does not exist', async () => {
    const response = await post(validRequest({ sector: '99.99' }));
    expect(response.status).toBe(400);
    expect((await response.json()).field_errors).toEqual({ sector: m.sector });
    expect(await stored()).toEqual(nothingStored);
  });

  it.each([
    ['broken JSON', '{"organisation": "Müller'],
    ['an empty body', ''],
    ['a JSON array', JSON.stringify([validRequest()])],
    ['JSON null', 'null'],
    ['a JSON string', '"Müller GmbH"'],
    ['a JSON number', '42'],
    ['Latin-1 instead of UTF-8', Buffer.from(JSON.stringify(validRequest()), 'latin1')],
    ['a truncated UTF-8 sequence', Buffer.concat([Buffer.from('{"city": "Erfurt'), Buffer.from([0xc3]), Buffer.from('"}')])],
  ])('answers 400 for %s and stores nothing', async (_, body) => {
    const response = await postRaw(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: m.invalidJson });
    expect(await stored()).toEqual(nothingStored);
  });

  describe('body size', () => {
    /** A valid request padded with trailing blanks to exactly `bytes` bytes of JSON. */
    const paddedTo = (bytes: number) => {
      const json = JSON.stringify(validRequest());
      return json + ' '.repeat(bytes - Buffer.byteLength(json));
    };

    it('accepts a body of exactly 64 KB', async () => {
      const body = paddedTo(MAX_BODY_BYTES);
      expect((await postRaw(body, { 'content-length': String(MAX_BODY_BYTES) })).status).toBe(201);
    });

    it.each([
      ['with a truthful Content-Length', true],
      ['without a Content-Length', false],
    ])('refuses one byte more %s with 413 and stores nothing', async (_, declared) => {
      const body = paddedTo(MAX_BODY_BYTES + 1);
      const headers: Record<string, string> = declared ? { 'content-length': String(MAX_BODY_BYTES + 1) } : {};
      const response = await postRaw(body, headers);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ error: m.payloadTooLarge });
      expect(await stored()).toEqual(nothingStored);
    });

    it('refuses a description far over the limit by size, before validating it', async () => {
      const body = JSON.stringify(validRequest({ description: 'Größe '.repeat(20_000) }));
      const response = await postRaw(body, { 'content-length': String(Buffer.byteLength(body)) });
      expect(response.status).toBe(413);
      expect(await stored()).toEqual(nothingStored);
    });

    it('stops reading an endless streamed body at the limit', async () => {
      const { stream, state } = endlessStream(new TextEncoder().encode(' '.repeat(8 * 1024)));
      const response = await postRaw(stream);
      expect(response.status).toBe(413);
      expect(state.pulls).toBeLessThan(20);
      expect(state.cancelled).toBe(true);
      expect(await stored()).toEqual(nothingStored);
    });

    it('refuses a declared oversize body without reading it', async () => {
      const { stream, state } = endlessStream(new TextEncoder().encode(' '.repeat(8 * 1024)));
      const response = await postRaw(stream, { 'content-length': String(10 * 1024 * 1024) });
      expect(response.status).toBe(413);
      expect(state.pulls).toBeLessThanOrEqual(1); // a stream pre-fills one chunk on its own
    });

    it('counts the bytes actually sent, not a Content-Length that understates them', async () => {
      const response = await postRaw(paddedTo(MAX_BODY_BYTES * 2), { 'content-length': '100' });
      expect(response.status).toBe(413);
      expect(await stored()).toEqual(nothingStored);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a repeat with the first reference and stores one case', async () => {
      const headers = { 'idempotency-key': 'partner-7f3a-0001' };
      const first = await post(validRequest(), headers);
      const repeat = await post(validRequest(), headers);

      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(repeat.status).toBe(201);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
      expect(await repeat.json()).toEqual(await first.json());
      expect(await stored()).toEqual({ cases: 1, events: 1, mails: 1 });

      const other = await post(validRequest(), { 'idempotency-key': 'partner-7f3a-0002' });
      expect(other.status).toBe(201);
      expect(await stored()).toEqual({ cases: 2, events: 2, mails: 2 });
    });

    it('scopes keys to the requester, so another client reusing a key gets its own case', async () => {
      const headers = { 'idempotency-key': 'shared-key-0001' };
      const first = await post(validRequest(), headers);
      const stranger = await post(validRequest({ email: 'einkauf@andere-firma.example', organisation: 'Andere Firma' }), headers);
      expect(stranger.status).toBe(201);
      expect(stranger.headers.get('idempotent-replayed')).toBeNull();
      expect(await stranger.json()).not.toEqual(await first.json());
      expect(await stored()).toEqual({ cases: 2, events: 2, mails: 2 });
    });

    it('answers a known key with another request 409 and neither its reference nor a new case', async () => {
      const headers = { 'idempotency-key': 'partner-7f3a-0003' };
      const first = await post(validRequest(), headers);
      const { reference } = (await first.json()) as { reference: string };
      const guess = await post(validRequest({ description: 'Eine ganz andere Anfrage mit demselben Schlüssel.' }), headers);
      expect(guess.status).toBe(409);
      const answer = await guess.text();
      expect(JSON.parse(answer)).toEqual({ error: m.idempotencyConflict });
      expect(answer).not.toContain(reference);
      expect(await stored()).toEqual({ cases: 1, events: 1, mails: 1 });
    });

    it.each(['kurz', 'x'.repeat(101), 'mit leerzeichen 123', 'schlüssel-12345', 'key;drop-table', 'a.b.c.d.e.f'])(
      'refuses the key %j with 400 and stores nothing',
      async (key) => {
        const response = await post(validRequest(), { 'idempotency-key': key });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          error: m.invalidInput,
          field_errors: { 'Idempotency-Key': m.invalidInput },
        });
        expect(await stored()).toEqual(nothingStored);
      },
    );

    it.each(['Ab3_-xyz', 'k'.repeat(100)])('accepts the key %j', async (key) => {
      expect((await post(validRequest(), { 'idempotency-key': key })).status).toBe(201);
    });
  });

  describe('rate limit', () => {
    it('refuses the fourth request from one address with 429 and Retry-After, but not other addresses', async () => {
      vi.stubEnv('INTAKE_RATE_LIMIT', '3');
      const ip = '198.51.100.7';
      for (let i = 1; i <= 3; i++) {
        expect((await post(validRequest(), { 'idempotency-key': `limit-test-${i}` }, ip)).status).toBe(201);
      }

      const blocked = await post(validRequest(), {}, ip);
      expect(blocked.status).toBe(429);
      const retryAfter = blocked.headers.get('retry-after');
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThan(500);
      expect(Number(retryAfter)).toBeLessThanOrEqual(600);
      expect(await blocked.json()).toEqual({ error: m.rateLimited(Math.ceil(Number(retryAfter) / 60)) });
      expect((await stored()).cases).toBe(3);

      // A forged X-Forwarded-For does not help: no proxy is trusted by default.
      expect((await post(validRequest(), { 'x-forwarded-for': '203.0.113.99' }, ip)).status).toBe(429);
      // Replays count too, so keys cannot be guessed past the limit.
      expect((await post(validRequest(), { 'idempotency-key': 'limit-test-3' }, ip)).status).toBe(429);

      expect((await post(validRequest(), {}, '198.51.100.8')).status).toBe(201);
      expect((await stored()).cases).toBe(4);
    });
  });
});
