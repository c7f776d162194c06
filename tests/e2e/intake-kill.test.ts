/**
 * Intake under load while the server dies: a burst of valid submissions to POST /api/requests,
 * each with its own Idempotency-Key, and SIGKILL to the server in the middle of it. The server
 * is restarted on the same database (PGlite data directory on disk, or PostgreSQL); clients
 * retry what was not answered. Every submission that got a 201 must be stored exactly once,
 * every retry must find or create exactly one case, and nothing may be half-stored.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { type RunningApp, startAppServer } from '../../scripts/app-server';
import { freshAppEnvironment } from '../helpers/app-environment';
import { validRequest } from '../helpers/fixtures';

const SUBMISSIONS = 300;
const CONCURRENCY = 24;
/** The server is killed once this many submissions have been answered. */
const KILL_AFTER_ANSWERS = 90;

type Outcome = { status: number; reference?: string; replayed: boolean } | { status: 'no answer'; error: string };

const submission = (i: number) => ({
  key: `lastprobe-${i}-${Date.now().toString(36)}`,
  body: validRequest({ organisation: `Lastprobe ${String(i).padStart(4, '0')} GmbH`, email: `last-${i}@probe.example` }),
});

async function submit(baseUrl: string, item: ReturnType<typeof submission>): Promise<Outcome> {
  try {
    const response = await fetch(`${baseUrl}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': item.key },
      body: JSON.stringify(item.body),
    });
    const json = (await response.json()) as { reference?: string };
    return { status: response.status, reference: json.reference, replayed: response.headers.get('idempotent-replayed') === 'true' };
  } catch (error) {
    return { status: 'no answer', error: error instanceof Error ? String(error.cause ?? error.message) : String(error) };
  }
}

/** Runs `work` over all indices with `concurrency` clients at once. */
async function burst<T>(indices: number[], concurrency: number, work: (i: number) => Promise<T>): Promise<Map<number, T>> {
  const results = new Map<number, T>();
  const queue = [...indices];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) results.set(i, await work(i));
    }),
  );
  return results;
}

let environment: Awaited<ReturnType<typeof freshAppEnvironment>>;
let app: RunningApp | undefined;

beforeAll(async () => {
  environment = await freshAppEnvironment({ INTAKE_RATE_LIMIT: '100000', INTAKE_MIN_FILL_SECONDS: '0' });
  app = await startAppServer(environment.env);
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await environment?.drop();
});

it('stores every answered submission exactly once when the server is killed mid-burst and restarted', async () => {
  const items = Array.from({ length: SUBMISSIONS }, (_, i) => submission(i));
  const first = app!;
  let answered = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  const killed = new Promise<void>((resolve) => first.process.once('exit', () => resolve()));

  const phase1 = await burst(
    items.map((_, i) => i),
    CONCURRENCY,
    async (i) => {
      inFlight++;
      const outcome = await submit(first.baseUrl, items[i]!);
      inFlight--;
      if (outcome.status !== 'no answer' && ++answered === KILL_AFTER_ANSWERS) {
        inFlightAtKill = inFlight;
        first.process.kill('SIGKILL');
      }
      return outcome;
    },
  );
  await killed;
  expect(first.process.signalCode).toBe('SIGKILL');

  const accepted = [...phase1].filter(([, o]) => o.status === 201);
  const unanswered = [...phase1].filter(([, o]) => o.status === 'no answer').map(([i]) => i);
  // Before the kill everything was accepted; after it nothing was answered at all.
  expect([...phase1.values()].every((o) => o.status === 201 || o.status === 'no answer')).toBe(true);
  expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);
  expect(inFlightAtKill).toBeGreaterThan(0);
  expect(unanswered.length).toBeGreaterThan(0);

  // Restart on the same database; clients retry what got no answer, and repeat what did.
  app = await startAppServer(environment.env);
  const second = app;
  const retried = await burst(unanswered, 8, (i) => submit(second.baseUrl, items[i]!));
  const repeated = await burst(
    accepted.map(([i]) => i),
    8,
    (i) => submit(second.baseUrl, items[i]!),
  );

  for (const outcome of retried.values()) expect(outcome).toMatchObject({ status: 201, reference: expect.any(String) });
  for (const [i, outcome] of repeated) {
    const original = phase1.get(i) as { reference: string };
    expect(outcome).toEqual({ status: 201, reference: original.reference, replayed: true });
  }
  // Stored before the kill but never answered: the retry gets the case that already exists.
  const storedButUnanswered = [...retried.values()].filter((o) => o.status === 201 && o.replayed).length;

  await app.stop();
  app = undefined;

  // What is in the database, read directly once the server is gone.
  const handle = openDatabase(environment.env);
  type CaseRow = { reference: string; organisation: string; idempotency_key: string; mails: number; events: number };
  let stored: CaseRow[];
  try {
    const result = await handle.db.execute(sql`
      select c.reference, c.organisation, c.idempotency_key,
        (select count(*)::int from outbox o where o.body like '%' || c.reference || '%') as mails,
        (select count(*)::int from case_events e where e.case_id = c.id and e.type = 'submitted') as events
      from cases c where c.organisation like 'Lastprobe %'`);
    stored = (Array.isArray(result) ? result : (result as unknown as { rows: CaseRow[] }).rows) as CaseRow[];
  } finally {
    await handle.close();
  }

  const byReference = new Map(stored.map((row) => [row.reference, row]));
  const lost = accepted.filter(
    ([i, o]) => byReference.get((o as { reference: string }).reference)?.organisation !== items[i]!.body.organisation,
  );
  const organisations = new Set(stored.map((row) => row.organisation));
  const duplicates = stored.length - organisations.size;

  const figures = {
    database: environment.isPostgres ? 'postgresql' : 'pglite (data directory)',
    requestsSent: SUBMISSIONS,
    answered201BeforeKill: accepted.length,
    inFlightAtKill,
    unansweredBeforeRestart: unanswered.length,
    storedButUnanswered,
    retriedAfterRestart: retried.size,
    repeatedAfterRestart: repeated.size,
    casesStored: stored.length,
    lost: lost.length,
    duplicates,
  };
  console.log('intake under SIGKILL', figures);
  const dir = path.join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `intake-kill-${environment.isPostgres ? 'postgres' : 'pglite'}.json`), JSON.stringify(figures, null, 2));

  expect(lost).toEqual([]);
  expect(duplicates).toBe(0);
  // Every submission ended as exactly one case, each with its first event and its one mail.
  expect(stored).toHaveLength(SUBMISSIONS);
  expect(new Set(stored.map((row) => row.idempotency_key)).size).toBe(SUBMISSIONS);
  expect(stored.filter((row) => row.mails !== 1 || row.events !== 1)).toEqual([]);
}, 600_000);
