// Intake throughput benchmark: npm run bench -- --intake [--clients 32 --seconds 15 --pages --web-concurrency N --cpu-prof DIR]
// Creates a throwaway PostgreSQL database on BENCH_DATABASE_SERVER (default
// postgres://postgres@127.0.0.1:5432/postgres), starts the production build on it and measures
// POST /api/requests next to the same work as a bare postgres.js transaction, in one run.
// With --pages it also measures GET /cases and GET /suppliers. Results: docs/benchmarks.md.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { validRequest } from '../tests/helpers/fixtures';
import { ms } from './bench-stats';
import { type Answer, httpClient, type LoadResult, processCpuMs, processTreeCpuMs, runLoad } from './load';

process.env.LOG_LEVEL ??= 'warn';

const { closeDatabase, getDatabaseHandle } = await import('../db/client');
const { prepareDatabase } = await import('../db/prepare');
const { createUser } = await import('../lib/auth/users');
const { ensureBuild } = await import('./ensure-build');
const { startAppServer } = await import('./app-server');
const { signInOverHttp } = await import('./http-session');

const { values: args } = parseArgs({
  options: {
    intake: { type: 'boolean', default: true },
    pages: { type: 'boolean', default: false },
    clients: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '15' },
    'web-concurrency': { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function report(label: string, result: LoadResult, cpuMs?: number) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const perSecond = result.latencies.length / result.seconds;
  const perRequest = (total: number) => ms(total / Math.max(1, result.latencies.length));
  const cpu =
    (cpuMs === undefined ? '' : `, server CPU ${perRequest(cpuMs)} ms/request`) +
    `, load generator CPU ${perRequest(result.cpuMs)} ms/request`;
  const failed = [...result.failures].map(([why, n]) => `${n}× ${why}`).join(', ');
  console.log(
    `- ${label}: **${perSecond.toFixed(0)}/s** (${result.latencies.length} in ${result.seconds.toFixed(1)} s), ` +
      `p50 ${ms(percentile(sorted, 0.5))} ms, p95 ${ms(percentile(sorted, 0.95))} ms, p99 ${ms(percentile(sorted, 0.99))} ms${cpu}` +
      (failed ? `; failed: ${failed}` : ''),
  );
}

const databaseCpu = (cpuMs: number, result: LoadResult) =>
  `PostgreSQL backends' CPU ${ms(cpuMs / Math.max(1, result.latencies.length))} ms/request`;

/** The intake's database work without HTTP, validation or checks: the ceiling Lotse aims at. */
async function rawTransactions(databaseUrl: string): Promise<LoadResult> {
  const sql = postgres(databaseUrl, { max: CLIENTS, onnotice: () => {} });
  const request = validRequest();
  const year = new Date().getFullYear();
  try {
    return await runLoad({
      clients: CLIENTS,
      seconds: SECONDS,
      isSuccess: () => true,
      send: async () => {
        await sql.begin(async (tx) => {
          const [{ n }] = (await tx`insert into reference_counters (year, last_number) values (${year}, 1)
            on conflict (year) do update set last_number = reference_counters.last_number + 1 returning last_number as n`) as unknown as [
            { n: number },
          ];
          const reference = `LS-${year}-${String(n).padStart(5, '0')}`;
          const [{ id }] = (await tx`insert into cases (reference, organisation, organisation_kind, contact_name, email, postal_code,
              city, category, description, urgency, consent_version, consented_at)
            values (${reference}, ${request.organisation}, ${request.kind}, ${request.contact_name}, ${request.email},
              ${request.postal_code}, ${request.city}, ${request.category}, ${request.description}, ${request.urgency}, 'raw', now())
            returning id`) as unknown as [{ id: number }];
          await tx`insert into case_events (case_id, type, data) values (${id}, 'submitted', ${tx.json({ reference, geocoded: false })})`;
          await tx`insert into outbox (template, recipient, case_id, subject, body) values ('raw', ${request.email}, ${id}, ${reference}, ${reference})`;
        });
        return { status: 201 };
      },
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Samples what the app's PostgreSQL backends do while `during` runs, every 20 ms: waiting for a
 * lock (the reference counter's row, an idempotency key), running a statement, idle inside an
 * open transaction (waiting for the app's next statement or COMMIT, possibly with the counter
 * row locked), or idle. Tells whether lock waits or the app's event loop bound the rate.
 * Also returns the CPU time (ms) those backends used meanwhile, from /proc (PostgreSQL on this
 * machine), counted from when each was first seen: PostgreSQL's share of the two cores.
 */
async function sampleBackends<T>(databaseUrl: string, database: string, during: Promise<T>): Promise<[T, string, number]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const totals = { lock: 0, active: 0, idleInTransaction: 0, idle: 0 };
  const cpuAtFirstSight = new Map<number, number>();
  // A pool closed before `during` resolves (the bare run's) takes its backends with it: their
  // last reading counts, taken every 10th sample (at most 0.2 s of their CPU goes uncounted).
  const cpuAtLastSight = new Map<number, number>();
  let samples = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const [row] = (await sql`select
          count(*) filter (where wait_event_type = 'Lock')::int as lock,
          count(*) filter (where state = 'active' and wait_event_type is distinct from 'Lock')::int as active,
          count(*) filter (where state like 'idle in transaction%')::int as idle_in_transaction,
          count(*) filter (where state = 'idle')::int as idle,
          coalesce(array_agg(pid), '{}') as pids
        from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`) as unknown as [
        { lock: number; active: number; idle_in_transaction: number; idle: number; pids: number[] },
      ];
      for (const pid of row.pids) {
        if (!cpuAtFirstSight.has(pid)) cpuAtFirstSight.set(pid, processCpuMs(pid) ?? 0);
        else if (samples % 10 === 0) cpuAtLastSight.set(pid, processCpuMs(pid) ?? cpuAtLastSight.get(pid) ?? 0);
      }
      totals.lock += row.lock;
      totals.active += row.active;
      totals.idleInTransaction += row.idle_in_transaction;
      totals.idle += row.idle;
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    const result = await during;
    let backendCpuMs = 0;
    for (const [pid, first] of cpuAtFirstSight) {
      backendCpuMs += (processCpuMs(pid) ?? cpuAtLastSight.get(pid) ?? first) - first;
    }
    done = true;
    await sampler;
    const avg = (n: number) => (n / Math.max(1, samples)).toFixed(1);
    return [
      result,
      `app backends on average (${samples} samples): ${avg(totals.lock)} waiting for a lock, ${avg(totals.active)} running, ` +
        `${avg(totals.idleInTransaction)} idle in transaction (waiting for the app), ${avg(totals.idle)} idle`,
      backendCpuMs,
    ];
  } finally {
    done = true;
    await sql.end({ timeout: 5 });
  }
}

/** Whether the year's references are 1..n without gaps or duplicates. */
async function checkReferences(databaseUrl: string): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select count(*)::int as n, count(distinct reference)::int as distinct_n,
      max(substring(reference from 9)::int) as max from cases group by substring(reference from 4 for 4)`;
    return rows
      .map((r) => (r.n === r.distinct_n && r.n === r.max ? `${r.n} references, gapless` : `BROKEN: ${JSON.stringify(r)}`))
      .join('; ');
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_SERVER ?? DEFAULT_SERVER;
  const name = `lotse_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const [{ version }] = (await admin`select current_setting('server_version') as version`) as unknown as [{ version: string }];
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const cpu = os.cpus();
  // Unset, startAppServer starts ONE app process (not one per core as `npm start` would).
  const workers = args['web-concurrency'] ?? process.env.WEB_CONCURRENCY ?? '1 (the bench default)';
  console.log(`# Lotse intake benchmark, ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}; Node ${process.version}; PostgreSQL ${version}; ` +
      `${CLIENTS} clients × ${SECONDS} s; WEB_CONCURRENCY ${workers}; load before: ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
  );

  let app: Awaited<ReturnType<typeof startAppServer>> | undefined;
  let client: ReturnType<typeof httpClient> | undefined;
  try {
    process.env.DATABASE_URL = databaseUrl;
    await prepareDatabase(getDatabaseHandle(), databaseUrl);
    const staff = { email: 'bench-admin@bench.lotse.invalid', password: randomBytes(18).toString('base64url') };
    const created = await createUser({ ...staff, name: 'Bench Admin', role: 'admin' });
    if (!created.ok) throw new Error(`bench admin: ${created.error}`);
    await closeDatabase();

    delete process.env.DATABASE_URL; // the build must not reach a database
    ensureBuild();
    app = await startAppServer(
      {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
        INTAKE_RATE_LIMIT: '1000000000',
        LOG_LEVEL: 'warn',
        ...(args['web-concurrency'] && { WEB_CONCURRENCY: args['web-concurrency'] }),
      },
      undefined,
      undefined,
      args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [],
    );
    const { baseUrl } = app;
    const serverPid = app.process.pid!;
    const body = JSON.stringify(validRequest());
    client = httpClient(baseUrl, CLIENTS);
    const { send } = client;
    const post = () => send('POST', '/api/requests', { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body);
    const isCreated = (answer: Answer) => answer.status === 201;

    // Warm-up: JIT, connection pools, Next.js route compilation caches.
    await runLoad({ clients: CLIENTS, seconds: 3, send: post, isSuccess: isCreated });

    console.log('\n## POST /api/requests\n');
    const cpuBefore = processTreeCpuMs(serverPid);
    const [http, backends, httpDatabaseCpu] = await sampleBackends(
      databaseUrl,
      name,
      runLoad({ clients: CLIENTS, seconds: SECONDS, send: post, isSuccess: isCreated }),
    );
    report('HTTP through Lotse', http, processTreeCpuMs(serverPid) - cpuBefore);
    console.log(`  - ${backends}; ${databaseCpu(httpDatabaseCpu, http)}`);
    const [raw, rawBackends, rawDatabaseCpu] = await sampleBackends(databaseUrl, name, rawTransactions(databaseUrl));
    report('bare transaction (postgres.js)', raw);
    console.log(`  - ${rawBackends}; ${databaseCpu(rawDatabaseCpu, raw)}`);
    console.log(`- ${await checkReferences(databaseUrl)}; load after: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);

    if (args.pages) {
      const cookies = await signInOverHttp(baseUrl, staff.email, staff.password);
      console.log('\n## Pages (signed in)\n');
      for (const path of ['/cases', '/suppliers?q=Masken']) {
        const get = () => send('GET', path, { cookie: cookies.header() });
        const isOk = (answer: Answer) => answer.status === 200;
        await runLoad({ clients: CLIENTS, seconds: 2, send: get, isSuccess: isOk });
        const before = processTreeCpuMs(serverPid);
        report(
          `GET ${path}`,
          await runLoad({ clients: CLIENTS, seconds: SECONDS, send: get, isSuccess: isOk }),
          processTreeCpuMs(serverPid) - before,
        );
      }
    }
  } finally {
    client?.close();
    await app?.stop();
    await closeDatabase();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  }
}

await main();
