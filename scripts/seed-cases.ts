// Bulk-loads synthetic cases for load tests: npm run seed:cases -- --cases 100000 [--seed 1]
// Writes to DATABASE_URL (or the embedded database in PGLITE_DIR; stop the app first).
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { closeDatabase, db, getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { caseEvents, cases, postalPlaces, referenceCounters, users } from '../db/schema';
import { createUser } from '../lib/auth/users';
import { type GeneratedCase, generateCases } from '../lib/demo/generate-cases';

const EXPERTS = [
  'Katrin Seifert',
  'Jens Hartung',
  'Doreen Eckardt',
  'Steffen Opitz',
  'Manuela Kirchner',
];
const ROWS_PER_INSERT = 2_000;
const ROWS_PER_TRANSACTION = 10_000;

export interface SeedCasesOptions {
  count: number;
  seed?: number;
  now?: Date;
  onProgress?: (inserted: number) => void;
}

/** Active experts to assign cases to; creates seed experts (random passwords) up to five. */
export async function ensureSeedExperts(wanted = EXPERTS.length): Promise<number[]> {
  const existing = async () =>
    (
      await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'expert'), eq(users.active, true)))
        .orderBy(asc(users.id))
    ).map((u) => u.id);
  let ids = await existing();
  for (let i = 0; ids.length < wanted && i < EXPERTS.length; i++) {
    const name = EXPERTS[i]!;
    const email = `${name.toLowerCase().replace(' ', '.')}@seed.lotse.invalid`;
    const created = await createUser({ email, name, role: 'expert', password: randomBytes(18).toString('base64url') });
    if (created.ok) ids = await existing();
  }
  return ids;
}

/**
 * Inserts `count` generated cases with their `submitted` events, 2,000 rows per INSERT and
 * 10,000 per transaction, and advances `reference_counters` in the same transactions.
 * References continue the counters, so run it while no one submits requests.
 */
export async function seedCases(options: SeedCasesOptions): Promise<{ inserted: number; lastNumbers: Record<number, number> }> {
  const places = await db
    .select({
      postalCode: postalPlaces.postalCode,
      place: postalPlaces.place,
      districtKey: postalPlaces.districtKey,
      latitude: postalPlaces.latitude,
      longitude: postalPlaces.longitude,
    })
    .from(postalPlaces)
    .orderBy(asc(postalPlaces.id));
  const assigneeIds = await ensureSeedExperts();
  const counters = await db.select().from(referenceCounters);
  const generated = generateCases({
    count: options.count,
    seed: options.seed ?? 1,
    now: options.now ?? new Date(),
    places,
    assigneeIds,
    lastNumbers: Object.fromEntries(counters.map((c) => [c.year, c.lastNumber])),
  });

  let inserted = 0;
  for (let start = 0; start < generated.cases.length; start += ROWS_PER_TRANSACTION) {
    const batch = generated.cases.slice(start, start + ROWS_PER_TRANSACTION);
    await db.transaction(async (tx) => {
      for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
        await tx.execute(insertWithEvents(batch.slice(i, i + ROWS_PER_INSERT)));
      }
      for (const [year, lastNumber] of Object.entries(highestNumbers(batch))) {
        await tx
          .insert(referenceCounters)
          .values({ year: Number(year), lastNumber })
          .onConflictDoUpdate({
            target: referenceCounters.year,
            set: { lastNumber: sql`greatest(${referenceCounters.lastNumber}, excluded.last_number)` },
          });
      }
    });
    inserted += batch.length;
    options.onProgress?.(inserted);
  }
  return { inserted, lastNumbers: generated.lastNumbers };
}

const CASE_COLUMNS = Object.entries(getTableColumns(cases)).filter(([key]) => key !== 'id');
const COLUMN_LIST = sql.raw(CASE_COLUMNS.map(([, column]) => `"${column.name}"`).join(', '));

/**
 * One statement for many cases and their `submitted` events. The rows travel as a single JSON
 * parameter: drizzle's VALUES builder spends more time on 30 parameters per row than
 * PostgreSQL spends inserting them, and a parameter list has a 65,535 limit.
 */
function insertWithEvents(rows: GeneratedCase[]) {
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(CASE_COLUMNS.map(([key, column]) => [column.name, row[key as keyof GeneratedCase] ?? null]))),
  );
  return sql`
    with inserted as (
      insert into ${cases} (${COLUMN_LIST})
      select ${COLUMN_LIST} from jsonb_populate_recordset(null::${cases}, ${json}::jsonb)
      returning id, reference, created_at
    )
    insert into ${caseEvents} (case_id, type, data, created_at)
    select id, 'submitted', jsonb_build_object('reference', reference, 'geocoded', true), created_at from inserted`;
}

function highestNumbers(batch: GeneratedCase[]): Record<number, number> {
  const highest: Record<number, number> = {};
  for (const { reference } of batch) {
    const [, year, number] = reference.split('-');
    highest[Number(year)] = Math.max(highest[Number(year)] ?? 0, Number(number));
  }
  return highest;
}

async function main(): Promise<number> {
  let count: number;
  let seed: number;
  try {
    const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
    count = Number(values.cases);
    seed = Number(values.seed);
    if (!Number.isInteger(count) || count < 1 || count > 10_000_000 || !Number.isInteger(seed)) throw new Error();
  } catch {
    console.error('Aufruf: npm run seed:cases -- --cases 100000 [--seed 1]');
    return 1;
  }
  const handle = getDatabaseHandle();
  try {
    await prepareDatabase(handle);
    const started = performance.now();
    const result = await seedCases({
      count,
      seed,
      onProgress: (n) => process.stdout.write(`\r${n.toLocaleString('de-DE')} / ${count.toLocaleString('de-DE')} Fälle`),
    });
    await db.execute(sql`analyze cases, case_events`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const years = Object.entries(result.lastNumbers).map(([y, n]) => `${y}: bis ${n}`).join(', ');
    console.log(`\n${result.inserted.toLocaleString('de-DE')} Fälle in ${seconds} s angelegt (${handle.kind}; Aktenzeichen ${years}).`);
    return 0;
  } catch (error) {
    console.error('\nAnlegen fehlgeschlagen:', error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await closeDatabase();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
