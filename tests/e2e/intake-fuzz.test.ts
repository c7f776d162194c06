/**
 * Fuzzing the two public ways into the queue on the running app server: POST /api/requests
 * with malformed bodies (wrong types, huge strings, bytes that are not UTF-8, deep JSON, missing
 * fields, wrong content types, odd Idempotency-Key headers) and the request form's server action
 * with malformed arguments.
 * Never a 5xx, always a German message from the catalog, and nothing stored: the gapless
 * reference of a valid request sent after the run directly follows the one sent before it.
 */
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { messages } from '../../lib/i18n';
import { validRequest } from '../helpers/fixtures';
import { serverActionId } from '../helpers/server-actions';
import { GERMAN_MESSAGES, malformedBody, malformedEnvelope, malformedRequest, type RawBody } from '../helpers/malformed-intake';

const baseUrl = inject('baseUrl');
const API_INPUTS = 2000;
const ACTION_INPUTS = 1000;
const CONCURRENCY = 6;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Runs `check` over all inputs, a few at a time; rethrows the first failure with its input. */
async function each<T>(inputs: T[], check: (input: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const input = inputs[next++]!;
      try {
        await check(input);
      } catch (error) {
        const shown = JSON.stringify(input, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v))?.slice(0, 500);
        throw new Error(`FUZZ_SEED=${seed}: ${(error as Error).message}\ninput: ${shown}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** How the inputs were answered, for the summary in docs/security.md. */
const answers = new Map<string, number>();
const tally = (answer: string) => answers.set(answer, (answers.get(answer) ?? 0) + 1);

async function submitValid(): Promise<number> {
  const response = await fetch(new URL('/api/requests', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validRequest({ email: `fuzz-${Date.now()}@example.org` })),
  });
  expect(response.status).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  return Number(reference.split('-').at(-1));
}

function expectGerman(error: unknown, fieldErrors: unknown) {
  expect(GERMAN_MESSAGES.has(error as string), `message: ${String(error)}`).toBe(true);
  for (const message of Object.values((fieldErrors ?? {}) as Record<string, unknown>)) {
    expect(GERMAN_MESSAGES.has(message as string), `field message: ${String(message)}`).toBe(true);
  }
}

async function postRaw({ contentType, idempotencyKey, body }: RawBody) {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  const response = await fetch(new URL('/api/requests', baseUrl), {
    method: 'POST',
    headers,
    body: new Uint8Array(body),
  });
  expect([400, 413]).toContain(response.status);
  tally(`API ${response.status}`);
  const answer = (await response.json()) as { error: unknown; field_errors?: unknown };
  expectGerman(answer.error, answer.field_errors);
}

/** React's reply encoding: strings that begin with `$` are references unless doubled. */
function escapeReply(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeReply);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) Object.defineProperty(out, key, { value: escapeReply(inner), enumerable: true });
    return out;
  }
  return value;
}

async function callFormAction(actionId: string, args: [unknown, unknown]) {
  const response = await fetch(new URL('/request', baseUrl), {
    method: 'POST',
    headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: baseUrl },
    body: JSON.stringify(escapeReply(args)),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  // The flight answer's row 1 is the action's result object.
  const row = text.split('\n').find((line) => line.startsWith('1:'));
  expect(row, text.slice(0, 300)).toBeDefined();
  const result = JSON.parse(row!.slice(2)) as { ok: boolean; error: unknown; fieldErrors?: unknown };
  expect(result.ok).toBe(false);
  tally(`form: ${result.error === messages.request.fixErrors ? 'invalid fields' : 'refused as bot'}`);
  expectGerman(result.error, result.fieldErrors);
}

describe('fuzzing the intake', () => {
  it(`refuses ${API_INPUTS} malformed API bodies and ${ACTION_INPUTS} malformed form submissions without storing anything`, {
    timeout: 180_000,
  }, async () => {
    const before = await submitValid();
    const started = performance.now();

    await each(fc.sample(malformedBody, { numRuns: API_INPUTS, seed }), postRaw);
    const apiSeconds = (performance.now() - started) / 1000;

    const actionId = serverActionId('submitRequestForm');
    const actionInputs = fc.sample(
      fc.oneof(
        // Malformed requests with a random envelope: the schema refuses them first.
        fc.tuple(malformedRequest, malformedEnvelope),
        // A valid request whose envelope carries no token the server issued: a bot.
        fc.tuple(fc.constant(validRequest() as unknown), malformedEnvelope),
        // Not even an object.
        fc.tuple(fc.jsonValue(), fc.jsonValue()),
      ),
      { numRuns: ACTION_INPUTS, seed: seed + 1 },
    );
    await each(actionInputs as [unknown, unknown][], (args) => callFormAction(actionId, args));

    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz: ${API_INPUTS + ACTION_INPUTS} malformed inputs refused in ${seconds.toFixed(1)} s (API ${apiSeconds.toFixed(1)} s) (FUZZ_SEED=${seed})`,
      Object.fromEntries(answers),
    );
    expect(await submitValid()).toBe(before + 1);
  });
});
