// Supplier search benchmark: npm run bench [-- --suppliers-only --companies 5000,100000 --search-iterations 30]
// For PostgreSQL (a throwaway database on BENCH_DATABASE_SERVER, default
// postgres://postgres@127.0.0.1:5432/postgres) and in-memory PGlite, at each size: migrates,
// seeds the default synonyms and N generated companies, runs VACUUM ANALYZE, then times
// searchSuppliers, the sidebar facets and the map points for a fixed mix of queries. Prints EXPLAIN (ANALYZE, BUFFERS)
// on PostgreSQL at the largest size and drops the bench databases again (also on Ctrl-C).
// `npm run bench` first runs the queue benchmark (scripts/bench-queue.ts) in a child process
// (flag --with-queue); flags this script does not know are passed on to it.
// --quality: instead of timing, nDCG@10 of the graded query set (bench/search-quality-queries.ts)
// on both databases (default size 5,000; no queue benchmark).
// Not a test: `npm test` never runs it. Results are recorded in docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { ms, type Stats, stats, timeIt } from './bench-stats';

process.env.LOG_LEVEL ??= 'warn';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const GOAL_MS = 50;
const SEED = 42;
const USAGE =
  'Usage: npm run bench -- [--suppliers-only | --queue-only] [--companies 5000,100000] [--search-iterations 30] ' +
  '[--search-warmup 5] [--skip-postgres] [--skip-pglite] [--explain-all] [--results-json FILE] [--keep-database NAME] [--quality] ' +
  '[queue bench flags …]';

const { values: args, tokens } = parseArgs({
  strict: false,
  tokens: true,
  options: {
    'with-queue': { type: 'boolean', default: false },
    'suppliers-only': { type: 'boolean', default: false },
    'queue-only': { type: 'boolean', default: false },
    companies: { type: 'string', default: '5000,100000' },
    'search-iterations': { type: 'string', default: '30' },
    'search-warmup': { type: 'string', default: '5' },
    'skip-postgres': { type: 'boolean', default: false },
    'skip-pglite': { type: 'boolean', default: false },
    'explain-all': { type: 'boolean', default: false },
    'results-json': { type: 'string' },
    'keep-database': { type: 'string' },
    quality: { type: 'boolean', default: false },
  },
});
const QUALITY = Boolean(args.quality);
const OWN = new Set([
  'with-queue',
  'suppliers-only',
  'queue-only',
  'companies',
  'search-iterations',
  'search-warmup',
  'skip-postgres',
  'skip-pglite',
  'explain-all',
  'results-json',
  'keep-database',
  'quality',
]);
// Everything else (--cases, --pglite, --skip-page …) belongs to scripts/bench-queue.ts.
const forwarded = tokens.flatMap((t) => {
  if (t.kind === 'positional') return [t.value]; // e.g. the 20000 of an unknown --cases 20000
  if (t.kind !== 'option' || OWN.has(t.name)) return [];
  if (t.inlineValue) return [`${t.rawName}=${t.value}`];
  return t.value === undefined ? [t.rawName] : [t.rawName, t.value];
});
const sizesGiven = tokens.some((t) => t.kind === 'option' && t.name === 'companies');
const SIZES = (QUALITY && !sizesGiven ? '5000' : String(args.companies)).split(',').map(Number);
const ITERATIONS = Number(args['search-iterations']);
const WARMUP = Number(args['search-warmup']);
if (![...SIZES, ITERATIONS].every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(WARMUP) || WARMUP < 0) {
  console.error(USAGE);
  process.exit(1);
}
const KEEP = args['keep-database'] === undefined ? null : String(args['keep-database']);
if (KEEP !== null && (!/^[a-z_][a-z0-9_]*$/.test(KEEP) || SIZES.length !== 1)) {
  console.error(`--keep-database takes a lower-case name and one size\n${USAGE}`);
  process.exit(1);
}
if (!args['with-queue'] && forwarded.length > 0) {
  console.error(`Unknown flags: ${forwarded.join(' ')}\n${USAGE}`);
  process.exit(1);
}

/** Runs scripts/bench-queue.ts with the forwarded flags; resolves with its exit code. */
function runQueueBench(): Promise<number> {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  console.log(`$ tsx scripts/bench-queue.ts ${forwarded.join(' ')}`.trimEnd());
  const child = spawn(tsx, ['scripts/bench-queue.ts', ...forwarded], { stdio: 'inherit' });
  // Ctrl-C reaches the child too (same process group); it drops its database itself.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      resolve(code ?? (signal ? 130 : 1));
    }),
  );
}

if (args['with-queue'] && !args['suppliers-only'] && !QUALITY) {
  const code = await runQueueBench();
  if (code !== 0 || args['queue-only']) process.exit(code);
  console.log('\n');
}

// Imported after LOG_LEVEL is set: the logger reads it when it is loaded.
const { closeDatabase, db, getDatabaseHandle } = await import('../db/client');
const { prepareDatabase } = await import('../db/prepare');
const { seedCompanies, seedDefaultSynonyms } = await import('../lib/seed/companies');
const { searchPoints, searchSuppliers, supplierSearchQueries } = await import('../lib/suppliers/search');
const { sidebarFacets, sidebarFacetsQuery } = await import('../lib/suppliers/facets');
const { planSearch } = await import('../lib/suppliers/search-plan');
const { loadSearchView, MAP_POINT_CAP } = await import('../lib/suppliers/search-view');
const { lexemes } = await import('../lib/suppliers/query-words');
const { queryWords } = await import('../lib/suppliers/text');
const { supplierSearchSchema } = await import('../lib/suppliers/search-schema');
type SupplierSearch = import('../lib/suppliers/search-schema').SupplierSearch;
const { forgetSynonymCache } = await import('../lib/suppliers/synonyms');
const { companies } = await import('../db/schema');
const { measureQuality, QUALITY_DEPTH } = await import('../bench/search-quality');

type Kind = 'text' | 'text, not every word' | 'text + sector' | 'text + radius' | 'filters only';

/** The fixed mix; `explain` marks the one query per kind whose plans are printed. */
const QUERIES: { kind: Kind; name: string; params: Record<string, string | number>; explain?: boolean }[] = [
  { kind: 'text', name: 'q=FFP2 Masken', params: { q: 'FFP2 Masken' } },
  { kind: 'text', name: 'q=Desinfektionsmittel', params: { q: 'Desinfektionsmittel' }, explain: true },
  { kind: 'text', name: 'q=Spritzguss', params: { q: 'Spritzguss' } },
  { kind: 'text', name: 'q=Laserschneiden', params: { q: 'Laserschneiden' } },
  { kind: 'text', name: 'q=Desinfektionsmitel (typo)', params: { q: 'Desinfektionsmitel' } },
  { kind: 'text', name: 'q=Haendedesinfektion (umlaut)', params: { q: 'Haendedesinfektion' } },
  { kind: 'text + sector', name: 'q=Masken, sector=32', params: { q: 'Masken', sector: '32' }, explain: true },
  { kind: 'text + radius', name: 'q=Masken, near=99084, 50 km', params: { q: 'Masken', near: '99084', radius_km: 50 }, explain: true },
  { kind: 'text, not every word', name: 'q=Nitrilhandschuhe 50.000 Stück', params: { q: 'Nitrilhandschuhe 50.000 Stück' } },
  {
    kind: 'text, not every word',
    name: 'q=Gehäuse spritzgießen lassen (relaxed)',
    params: { q: 'Gehäuse spritzgießen lassen' },
    explain: true,
  },
  {
    kind: 'text, not every word',
    name: 'q=Desinfektionsmittel dringend benötigt (relaxed)',
    params: { q: 'Desinfektionsmittel dringend benötigt' },
  },
  { kind: 'text, not every word', name: 'q=Masken und Kliniken (stop word)', params: { q: 'Masken und Kliniken' } },
  { kind: 'filters only', name: 'sector=C', params: { sector: 'C' }, explain: true },
  { kind: 'filters only', name: 'district=16053', params: { district: '16053' } },
  { kind: 'filters only', name: 'certification=ISO 9001', params: { certification: 'ISO 9001' } },
  { kind: 'filters only', name: 'near=99084 (nearest first)', params: { near: '99084' }, explain: true },
];
const parse = (params: Record<string, unknown>) => supplierSearchSchema.parse(params);

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * The floor for a text query: the raw ranked GIN query a plain full-text search would run (every
 * word as a prefix, all required, ts_rank, the first 20), without synonyms, typos, compounds,
 * the count, relaxation or the details of the page.
 */
function rawRanked(q: string) {
  const tsquery = queryWords(q)
    .flatMap(lexemes)
    .map((part) => `${part}:*`)
    .join(' & ');
  return db.execute(
    sql`select id, ts_rank(search_vector, query, 1) as rank from companies, to_tsquery('german', ${tsquery}) as query where search_vector @@ query order by rank desc limit 20`,
  );
}

/**
 * What the search pages run for a query (in parallel on PostgreSQL), each timed on its own, and
 * "page": all of the page's data as the page loads it (planned once, then in parallel).
 */
const PARTS = {
  raw: (params: SupplierSearch) => rawRanked(params.q!),
  search: (params: SupplierSearch) => searchSuppliers(params, 'staff'),
  facets: (params: SupplierSearch) => sidebarFacets(params, 'staff'),
  map: (params: SupplierSearch) => searchPoints(params, 'staff', MAP_POINT_CAP),
  page: (params: SupplierSearch) => loadSearchView(params, 'staff'),
};
type Part = keyof typeof PARTS;
const PART_NAMES = Object.keys(PARTS) as Part[];

interface Measured {
  label: string;
  stats: Record<Part, Stats>;
}

/** With --quality: mean nDCG@10 and the number of queries without any match. */
interface Judged {
  label: string;
  ndcg: number;
  zero: number;
}

const cells = (all: Record<Part, Stats>, bold = false) =>
  PART_NAMES.map((part) => {
    const { n, p50, p95, max } = all[part];
    if (n === 0) return '– | – | –'; // no raw floor for filters alone
    return bold ? `**${ms(p50)}** | **${ms(p95)}** | ${ms(max)}` : `${ms(p50)} | ${ms(p95)} | ${ms(max)}`;
  }).join(' | ');
const header = PART_NAMES.map((part) => `${part} p50 | ${part} p95 | ${part} max`).join(' | ');
const statsOf = (samples: Record<Part, number[]>) =>
  Object.fromEntries(PART_NAMES.map((part) => [part, stats(samples[part])])) as Record<Part, Stats>;
const noSamples = () => Object.fromEntries(PART_NAMES.map((part) => [part, [] as number[]])) as Record<Part, number[]>;

/** Times searchSuppliers, sidebarFacets and searchPoints for every query of the mix on the open database. */
async function benchMix(label: string, results: Record<string, unknown>): Promise<Measured> {
  const lines: string[] = [];
  const all = noSamples();
  const textSamples = noSamples();
  const byKind = new Map<Kind, Record<Part, number[]>>();
  for (const query of QUERIES) {
    const params = parse(query.params);
    const first = await searchSuppliers(params, 'staff');
    const map = await searchPoints(params, 'staff', MAP_POINT_CAP);
    results[query.name] = {
      total: first.total,
      results: first.results.map((r) => [r.id, r.score, r.distance_km]),
      terms: first.terms,
      facets: await sidebarFacets(params, 'staff'),
      map: map.points.map((p) => p.id),
    };
    const kind = byKind.get(query.kind) ?? noSamples();
    byKind.set(query.kind, kind);
    const samples = noSamples();
    for (const part of PART_NAMES) {
      if (part === 'raw' && !params.q) continue;
      samples[part] = await timeIt(ITERATIONS, WARMUP, () => PARTS[part](params));
      all[part].push(...samples[part]);
      kind[part].push(...samples[part]);
      if (params.q) textSamples[part].push(...samples[part]);
    }
    lines.push(
      `| ${query.name} | ${first.total.toLocaleString('en')} | ${map.points.length.toLocaleString('en')} | ${cells(statsOf(samples))} |`,
    );
  }
  for (const [kind, samples] of byKind) lines.push(`| *all ${kind}* | | | ${cells(statsOf(samples))} |`);
  const overall = statsOf(all);
  lines.push(`| **overall** (${overall.search.n} runs each) | | | ${cells(overall, true)} |`);
  const text = statsOf(textSamples);
  lines.push(`| *all text queries* | | | ${cells(text)} |`);
  console.log(`\n### ${label}\n`);
  console.log(`| Query | matches | map points | ${header} |`);
  console.log(`|---|---:|---:|${PART_NAMES.map(() => '---:|---:|---:').join('|')}|`);
  console.log(lines.join('\n'));
  console.log(
    `\nText queries: searchSuppliers p95 ${ms(text.search.p95)} ms = ${(text.search.p95 / text.raw.p95).toFixed(1)}× the raw ranked GIN query's p95 (${ms(text.raw.p95)} ms)`,
  );
  return { label, stats: overall };
}

/** nDCG@10 of the graded query set on the open database; prints a line per query. */
async function quality(label: string): Promise<Judged> {
  const rows = await db.select({ id: companies.id, sectors: companies.sectors, capabilities: companies.capabilities }).from(companies);
  const result = await measureQuality(
    async (q) => {
      const found = await searchSuppliers(parse({ q, limit: QUALITY_DEPTH }), 'staff');
      return { ids: found.results.map((r) => r.id), total: found.total };
    },
    new Map(rows.map((r) => [r.id, r])),
  );
  console.log(`\n### Quality: ${label}\n`);
  console.log('| Query | matches | nDCG@10 |');
  console.log('|---|---:|---:|');
  for (const r of result.queries) console.log(`| ${r.q} | ${r.total.toLocaleString('en')} | ${r.ndcg.toFixed(3)} |`);
  console.log(`| **mean of ${result.queries.length} queries** (${result.zero} with no match) | | **${result.mean.toFixed(3)}** |`);
  return { label, ndcg: result.mean, zero: result.zero };
}

async function explain(client: postgres.Sql) {
  for (const query of QUERIES.filter((q) => args['explain-all'] || q.explain)) {
    const params = parse(query.params);
    const built = supplierSearchQueries(params, await planSearch(params, 'staff'));
    const parts: [string, { sql: string; params: unknown[] }][] = [
      [built.countInPage ? 'page query (counts the matches too)' : 'page query', built.rows.toSQL()],
      ...(built.countInPage ? [] : [['count query', built.counted.toSQL()] as [string, { sql: string; params: unknown[] }]]),
      ['sidebar facets query', sidebarFacetsQuery(built.plan).statement.toSQL()],
    ];
    for (const [part, statement] of parts) {
      const plan = await client.unsafe(
        `explain (analyze, buffers) ${statement.sql}`,
        statement.params as postgres.ParameterOrJSON<never>[],
      );
      console.log(
        `\n#### EXPLAIN (ANALYZE, BUFFERS): ${query.kind}, ${query.name}, ${part}\n\n\`\`\`\n${statement.sql}\n-- params: ${JSON.stringify(statement.params)}\n\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\``,
      );
    }
  }
}

async function seed(label: string, count: number) {
  const started = performance.now();
  await seedDefaultSynonyms();
  forgetSynonymCache();
  await seedCompanies({
    count,
    seed: SEED,
    rebuildIndexes: true,
    onProgress: (n) => {
      if (process.stdout.isTTY) process.stdout.write(`\r${label}: ${n.toLocaleString('en')} / ${count.toLocaleString('en')} companies`);
    },
  });
  const seeded = performance.now();
  // What autovacuum does after a bulk load (PGlite has none; done there too, for the same plans).
  await db.execute(sql`vacuum (analyze) companies, company_events, search_words, synonym_groups, postal_places, districts`);
  console.log(
    `${process.stdout.isTTY ? '' : `${label}: ${count.toLocaleString('en')} companies`} in ${((seeded - started) / 1000).toFixed(1)} s, VACUUM ANALYZE ${seconds(seeded)}`,
  );
  const [size] = await db
    .select({
      heap: sql<string>`pg_size_pretty(pg_table_size('companies'))`,
      indexes: sql<string>`pg_size_pretty(pg_indexes_size('companies'))`,
      trgm: sql<string>`pg_size_pretty(pg_relation_size('companies_search_text_trgm_idx'))`,
      words: sql<string>`(select count(*) from search_words)`,
    })
    .from(sql`(select 1) as one`);
  if (size) console.log(`companies: heap ${size.heap}, indexes ${size.indexes} (trigram ${size.trgm}); search_words: ${size.words} words`);
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_SERVER ?? DEFAULT_SERVER;
  const admin = args['skip-postgres'] ? null : postgres(serverUrl, { max: 1, onnotice: () => {} });
  let current: string | null = null; // the bench database that exists right now
  const drop = async () => {
    if (admin && current) await admin.unsafe(`drop database if exists ${current} with (force)`);
    current = null;
  };
  process.once('SIGINT', () => {
    console.error('\nInterrupted; dropping the bench database …');
    process.on('uncaughtException', () => {}); // from the connections the drop terminates
    void drop().finally(() => process.exit(130));
  });

  const cpu = os.cpus();
  let version = '-';
  if (admin) [{ version }] = (await admin`select current_setting('server_version') as version`) as unknown as [{ version: string }];
  console.log(`# Lotse supplier search benchmark, ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; PostgreSQL ${version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `Data: ${SIZES.map((n) => n.toLocaleString('en')).join(' and ')} generated companies (seed ${SEED}) + default synonyms; ${WARMUP} warm-up and ${ITERATIONS} timed runs per query and function, audience staff`,
  );

  const measured: Measured[] = [];
  const judged: Judged[] = [];
  const dump: Record<string, Record<string, unknown>> = {};
  const largest = Math.max(...SIZES);
  try {
    if (admin) {
      for (const size of SIZES) {
        const started = performance.now();
        const name = KEEP ?? `lotse_bench_suppliers_${Date.now()}_${randomBytes(3).toString('hex')}`;
        // --keep-database: seeded once, then kept and measured again by later runs (before/after).
        const kept = KEEP !== null && (await admin`select 1 from pg_database where datname = ${KEEP}`).length > 0;
        if (!kept) await admin.unsafe(`create database ${name}`);
        current = KEEP === null ? name : null;
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        process.env.DATABASE_URL = url.toString();
        const label = `PostgreSQL, ${size.toLocaleString('en')} companies`;
        if (kept) {
          const [{ n }] = (await db.execute(sql`select count(*)::int as n from companies`)) as unknown as [{ n: number }];
          if (n !== size) throw new Error(`--keep-database ${KEEP} holds ${n} companies, not ${size}`);
          forgetSynonymCache();
          console.log(`${label}: kept database ${KEEP}, not seeded again`);
        } else {
          await prepareDatabase(getDatabaseHandle(), url.toString());
          await seed(label, size);
        }
        if (QUALITY) judged.push(await quality(label));
        else {
          dump[label] = {};
          measured.push(await benchMix(label, dump[label]));
        }
        if (size === largest && !QUALITY) {
          const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
          try {
            await explain(client);
          } finally {
            await client.end({ timeout: 5 });
          }
        }
        await closeDatabase();
        await drop();
        console.log(`(${label}: ${seconds(started)} in all)`);
      }
    }
    if (!args['skip-pglite']) {
      delete process.env.DATABASE_URL;
      process.env.PGLITE_DIR = 'memory://';
      for (const size of SIZES) {
        const started = performance.now();
        await prepareDatabase(getDatabaseHandle());
        const label = `PGlite (in memory), ${size.toLocaleString('en')} companies`;
        await seed(label, size);
        if (QUALITY) judged.push(await quality(label));
        else {
          dump[label] = {};
          measured.push(await benchMix(label, dump[label]));
        }
        await closeDatabase();
        console.log(`(${label}: ${seconds(started)} in all)`);
      }
    }
  } finally {
    await closeDatabase();
    await drop();
    await admin?.end({ timeout: 5 });
  }

  if (QUALITY) {
    console.log('\n### Summary: nDCG@10 of the graded query set\n');
    console.log('| Database, size | mean nDCG@10 | queries with no match |');
    console.log('|---|---:|---:|');
    for (const m of judged) console.log(`| ${m.label} | ${m.ndcg.toFixed(3)} | ${m.zero} |`);
    return;
  }
  if (args['results-json']) writeFileSync(String(args['results-json']), `${JSON.stringify(dump, null, 1)}\n`);
  console.log('\n### Summary (all queries of the mix)\n');
  console.log(`| Database, size | ${header} |`);
  console.log(`|---|${PART_NAMES.map(() => '---:|---:|---:').join('|')}|`);
  for (const m of measured) console.log(`| ${m.label} | ${cells(m.stats)} |`);
  const goal = measured.find((m) => m.label.startsWith('PostgreSQL') && m.label.includes(largest.toLocaleString('en')));
  if (goal)
    console.log(
      `\nGoal: searchSuppliers p95 < ${GOAL_MS} ms at ${largest.toLocaleString('en')} companies on PostgreSQL: ${ms(goal.stats.search.p95)} ms → ${goal.stats.search.p95 < GOAL_MS ? 'met' : 'MISSED'}`,
    );
}

await main();
