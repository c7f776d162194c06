// Triage queue benchmark: npm run bench:queue [-- --cases 100000 --iterations 50 --page-iterations 30 --pglite]
// Creates a throwaway PostgreSQL database on BENCH_DATABASE_SERVER (default
// postgres://postgres@127.0.0.1:5432/postgres), seeds it, measures loadQueue and GET /cases,
// prints EXPLAIN (ANALYZE, BUFFERS) for the main queries and drops the database again.
// Not a test: `npm test` never runs it. Results are recorded in docs/benchmarks.md.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { count, desc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { cases, users } from '../db/schema';
import { ms, type Stats, stats, timeIt } from './bench-stats';

process.env.LOG_LEVEL ??= 'warn';

// Imported after LOG_LEVEL is set: the logger reads it when it is loaded.
const { closeDatabase, db, getDatabaseHandle } = await import('../db/client');
const { prepareDatabase } = await import('../db/prepare');
const { createUser } = await import('../lib/auth/users');
const { loadQueue, queueQueries } = await import('../lib/cases/queue');
const { queueFilterSchema } = await import('../lib/cases/schema');
const { ensureBuild } = await import('./ensure-build');
const { startAppServer } = await import('./app-server');
const { signInOverHttp } = await import('./http-session');
const { seedCases } = await import('../lib/seed/bulk-cases');
type StaffUser = import('../lib/auth/staff').StaffUser;

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const GOAL_MS = 100;
const SEED = 1;

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '50' },
    'page-iterations': { type: 'string', default: '30' },
    pglite: { type: 'boolean', default: false },
    'skip-page': { type: 'boolean', default: false },
  },
});
const CASES = Number(args.cases);
const ITERATIONS = Number(args.iterations);
const PAGE_ITERATIONS = Number(args['page-iterations']);
if (![CASES, ITERATIONS, PAGE_ITERATIONS].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('Usage: npm run bench -- [--cases 100000] [--iterations 50] [--page-iterations 30] [--pglite] [--skip-page]');
  process.exit(1);
}

/** The fixed mix of queue requests; `query` is the URL search string of /cases. */
const SCENARIOS: { name: string; query: string; page: boolean }[] = [
  { name: 'default (open, overdue first)', query: '', page: true },
  { name: 'view=new', query: 'view=new', page: true },
  { name: 'view=mine', query: 'view=mine', page: false },
  { name: 'view=closed, page 50', query: 'view=closed&page=50', page: true },
  { name: 'q=Masken', query: 'q=Masken', page: true },
  { name: 'category=goods + district Erfurt', query: 'category=goods&district=16051', page: true },
  { name: 'sort=priority', query: 'sort=priority&dir=desc', page: true },
  { name: 'status=searching', query: 'status=searching', page: true },
];

const filterOf = (query: string) => queueFilterSchema.parse(Object.fromEntries(new URLSearchParams(query)));

function printTable(title: string, rows: [string, Stats][]) {
  console.log(`\n### ${title}\n`);
  console.log('| Case | n | p50 ms | p95 ms | max ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, s] of rows) console.log(`| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`);
}

/** (a) loadQueue in this process, on whatever database db/client has opened. */
async function benchLoadQueue(label: string, me: StaffUser): Promise<Stats> {
  const rows: [string, Stats][] = [];
  const all: number[] = [];
  for (const scenario of SCENARIOS) {
    const filter = filterOf(scenario.query);
    const samples = await timeIt(ITERATIONS, 5, () => loadQueue(me, filter));
    all.push(...samples);
    rows.push([scenario.name, stats(samples)]);
  }
  const overall = stats(all);
  rows.push(['**overall**', overall]);
  printTable(`loadQueue, ${label}`, rows);
  return overall;
}

async function explain(client: postgres.Sql, me: StaffUser) {
  for (const [name, query] of [
    ['default view', ''],
    ['q=Masken', 'q=Masken'],
    ['view=closed, page 50', 'view=closed&page=50'],
  ] as const) {
    const queries = queueQueries(me, filterOf(query));
    for (const [part, built] of [
      ['page query', queries.rows.toSQL()],
      ['count query', queries.counts.toSQL()],
    ] as const) {
      const plan = await client.unsafe(`explain (analyze, buffers) ${built.sql}`, built.params as postgres.ParameterOrJSON<never>[]);
      console.log(
        `\n#### EXPLAIN (ANALYZE, BUFFERS): ${name}, ${part}\n\n\`\`\`\n${built.sql}\n\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\``,
      );
    }
  }
}

/** (b) GET /cases on the production build, signed in as the bench admin. */
async function benchPage(databaseUrl: string, admin: { email: string; password: string }): Promise<Stats> {
  console.log('\nBuilding the app if needed …');
  // Built like `npm start` does it: without DATABASE_URL (the build must not reach a database).
  delete process.env.DATABASE_URL;
  ensureBuild();
  const app = await startAppServer({
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
  });
  const { baseUrl } = app;
  try {
    const cookies = await signInOverHttp(baseUrl, admin.email, admin.password);
    const rows: [string, Stats][] = [];
    const all: number[] = [];
    for (const scenario of SCENARIOS.filter((s) => s.page)) {
      const url = `${baseUrl}/cases${scenario.query ? `?${scenario.query}` : ''}`;
      const samples = await timeIt(PAGE_ITERATIONS, 3, async () => {
        const response = await fetch(url, { headers: { cookie: cookies.header() }, redirect: 'manual' });
        const html = await response.text();
        if (response.status !== 200 || !html.includes('LS-')) throw new Error(`GET ${url}: HTTP ${response.status}`);
      });
      all.push(...samples);
      rows.push([`GET /cases${scenario.query ? `?${scenario.query}` : ''}`, stats(samples)]);
    }
    const overall = stats(all);
    rows.push(['**overall**', overall]);
    printTable('Queue page GET /cases (full response, production build, signed in)', rows);
    return overall;
  } finally {
    await app.stop();
  }
}

/** Bench admin for the page, plus the busiest expert as "me" for loadQueue. */
async function benchUsers(): Promise<{ admin: { email: string; password: string }; me: StaffUser }> {
  const admin = { email: 'bench-admin@bench.lotse.invalid', password: randomBytes(18).toString('base64url') };
  const created = await createUser({ ...admin, name: 'Bench Admin', role: 'admin' });
  if (!created.ok) throw new Error(`bench admin: ${created.error}`);
  const [busiest] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .innerJoin(cases, eq(cases.assigneeId, users.id))
    .groupBy(users.id)
    .orderBy(desc(count()))
    .limit(1);
  if (!busiest) throw new Error('no assigned cases');
  return { admin, me: busiest };
}

async function seed(label: string) {
  const started = performance.now();
  await seedCases({
    count: CASES,
    seed: SEED,
    onProgress: (n) => process.stdout.write(`\r${label}: ${n.toLocaleString('de-DE')} / ${CASES.toLocaleString('de-DE')} cases`),
  });
  const seeded = performance.now();
  // What autovacuum does after a bulk load: statistics and the visibility map.
  await db.execute(sql`vacuum (analyze) cases, case_events, users, districts, postal_places, reference_counters`);
  console.log(` in ${((seeded - started) / 1000).toFixed(1)} s, VACUUM ANALYZE ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_SERVER ?? DEFAULT_SERVER;
  const name = `lotse_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const [{ version }] = (await admin`select current_setting('server_version') as version`) as unknown as [{ version: string }];
  await admin.unsafe(`create database ${name}`);
  // Ctrl-C: the app server (same process group) stops by itself; the database must go too.
  process.once('SIGINT', () => {
    console.error('\nInterrupted; dropping the bench database …');
    process.on('uncaughtException', () => {}); // from the connections the drop terminates
    void admin.unsafe(`drop database if exists ${name} with (force)`).finally(() => process.exit(130));
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const cpu = os.cpus();
  console.log(`# Lotse queue benchmark, ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; PostgreSQL ${version}`,
  );
  console.log(
    `Data: ${CASES.toLocaleString('en')} cases (seed ${SEED}); loadQueue ${ITERATIONS}×, page ${PAGE_ITERATIONS}× per case after warm-up`,
  );

  const explainClient = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const results: Record<string, Stats> = {};
  try {
    process.env.DATABASE_URL = databaseUrl;
    const handle = getDatabaseHandle();
    await prepareDatabase(handle, databaseUrl);
    await seed('PostgreSQL');
    const { admin: adminUser, me } = await benchUsers();

    results['loadQueue (PostgreSQL)'] = await benchLoadQueue('PostgreSQL', me);
    await explain(explainClient, me);
    await closeDatabase();
    if (!args['skip-page']) results['GET /cases (PostgreSQL)'] = await benchPage(databaseUrl, adminUser);

    if (args.pglite) {
      delete process.env.DATABASE_URL;
      process.env.PGLITE_DIR = 'memory://';
      const pglite = getDatabaseHandle();
      await prepareDatabase(pglite);
      await seed('PGlite (in memory)');
      const { me: pgliteMe } = await benchUsers();
      results['loadQueue (PGlite)'] = await benchLoadQueue('PGlite, in memory', pgliteMe);
      await closeDatabase();
    }
  } finally {
    await closeDatabase();
    await explainClient.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  }

  console.log(`\n### Goal: p95 < ${GOAL_MS} ms\n`);
  for (const [label, s] of Object.entries(results)) {
    console.log(`- ${label}: p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms → ${s.p95 < GOAL_MS ? 'met' : 'MISSED'}`);
  }
}

await main();
