// Bulk-loads synthetic cases for load tests (scripts/seed-cases.ts, the queue benchmark).
import { randomBytes } from 'node:crypto';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { caseEvents, cases, postalPlaces, referenceCounters, users, type CaseEventOf, type CaseEventType } from '../../db/schema';
import { createUser } from '../auth/users';
import { type GeneratedCase, generateCases } from './generate-cases';

const EXPERTS = ['Katrin Seifert', 'Jens Hartung', 'Doreen Eckardt', 'Steffen Opitz', 'Manuela Kirchner'];
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
// The `submitted` event (db/schema/events.ts) built in SQL; its names checked against the union.
const SUBMITTED = 'submitted' satisfies CaseEventType;
const REFERENCE = 'reference' satisfies keyof CaseEventOf<'submitted'>['data'];
const GEOCODED = 'geocoded' satisfies keyof CaseEventOf<'submitted'>['data'];

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
    select id, ${sql.raw(`'${SUBMITTED}'`)}, jsonb_build_object(${sql.raw(`'${REFERENCE}'`)}, reference, ${sql.raw(`'${GEOCODED}'`)}, true), created_at
    from inserted`;
}

function highestNumbers(batch: GeneratedCase[]): Record<number, number> {
  const highest: Record<number, number> = {};
  for (const { reference } of batch) {
    const [, year, number] = reference.split('-');
    highest[Number(year)] = Math.max(highest[Number(year)] ?? 0, Number(number));
  }
  return highest;
}
