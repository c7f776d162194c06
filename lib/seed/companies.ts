import { asc, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { db, type Executor, getDatabaseHandle } from '../../db/client';
import { companies, companyEvents, postalPlaces, synonymGroups } from '../../db/schema';
import { geocodePostalCode, type Location } from '../geo/geocode';
import type { CompanyInput } from '../suppliers/schema';
import { sectorIndex } from '../suppliers/sector-index';
import { companyRow, type Geocoder, searchVectorOf, searchVectorTexts } from '../suppliers/write';
import type { SeedPlace } from './generate-cases';
import { DEMO_ID_PREFIX, generateCompanies } from './generate-companies';

/** Size and seed of the demo directory `npm start` creates on an empty embedded database. */
export const DEMO_COMPANY_COUNT = 4_500;
export const DEMO_COMPANY_SEED = 42;

const ROWS_PER_INSERT = 1_000;
const ROWS_PER_TRANSACTION = 10_000;
// Arbitrary constants: one seeder at a time, also with several app instances starting at once.
const COMPANY_SEED_LOCK = 4_711_3001;
const SYNONYM_SEED_LOCK = 4_711_3002;

/** Colloquial names: each group's first term is what requesters write. */
export const COLLOQUIAL_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['Mundschutz', 'Mund-Nasen-Schutz', 'OP-Maske', 'Mund-Nasen-Bedeckung'],
  ['Pappkartons', 'Versandkarton', 'Kartonage', 'Faltschachtel', 'Graupappe', 'Wellpappe'],
  ['Plastikteile', 'Kunststoffteile', 'Spritzgussteile', 'Kunststoffspritzguss'],
  ['Bierfässer', 'Bierfass', 'Fassbier', 'Bier in Fässern'],
  ['Drehteile', 'CNC-Drehen', 'Präzisionsdrehteile', 'Drehbearbeitung'],
];

/**
 * Synonym groups every new installation starts with: words requesters and suppliers use for
 * the same need. Admins edit them afterwards; seeded only while the table is empty. The
 * search also looks for each term inside compounds, so short or general words ("Labor",
 * "Alkohol", "EMS") stay out: they would match far too much.
 */
export const DEFAULT_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['FFP2', 'FFP2-Maske', 'Atemschutzmaske', 'Atemschutz', 'Feinstaubmaske', 'KN95'],
  ['FFP3', 'FFP3-Maske'],
  ['Mund-Nasen-Schutz', 'MNS', 'OP-Maske', 'medizinische Maske', 'chirurgische Maske'],
  ['Mund-Nasen-Bedeckung', 'Stoffmaske', 'Alltagsmaske', 'Community-Maske'],
  [
    'Desinfektionsmittel',
    'Desinfektion',
    'Händedesinfektion',
    'Händedesinfektionsmittel',
    'Flächendesinfektion',
    'Biozid',
    'Hygienemittel',
  ],
  ['Einweghandschuhe', 'Nitrilhandschuhe', 'Schutzhandschuhe', 'Untersuchungshandschuhe', 'Latexhandschuhe'],
  ['Schutzkittel', 'Einwegkittel', 'Isolationskittel', 'Schutzanzug', 'Schutzkleidung'],
  ['Gesichtsvisier', 'Gesichtsschild', 'Face-Shield'],
  ['Ethanol', 'Ethylalkohol', 'Weingeist'],
  ['Isopropanol', 'Isopropylalkohol', '2-Propanol'],
  ['Vliesstoff', 'Vlies', 'Meltblown', 'Meltblown-Vlies', 'Filtervlies'],
  ['Spritzguss', 'Spritzgießen', 'Kunststoffspritzguss', 'Kunststoffspritzgießen', 'Spritzgussteile'],
  ['Werkzeugbau', 'Formenbau', 'Spritzgießwerkzeug', 'Spritzgusswerkzeug'],
  ['Zerspanung', 'spanende Bearbeitung', 'CNC-Bearbeitung', 'CNC-Fräsen', 'CNC-Drehen'],
  ['Laserschneiden', 'Laserzuschnitt', 'Laserstrahlschneiden'],
  ['Blechbearbeitung', 'Blechverarbeitung', 'Blechteile', 'Abkanten'],
  ['Schweißen', 'Schweißarbeiten', 'Schweißbaugruppen', 'Schweißtechnik'],
  ['Pulverbeschichtung', 'Pulverlackierung', 'Pulverbeschichten'],
  ['3D-Druck', 'additive Fertigung', 'Rapid Prototyping', 'Prototypenbau'],
  ['Leiterplatte', 'Platine', 'PCB'],
  ['Leiterplattenbestückung', 'Bestückung', 'SMD-Bestückung', 'Baugruppenfertigung', 'Elektronikfertigung'],
  ['Kabelbaum', 'Kabelbäume', 'Kabelsatz', 'Kabelkonfektion'],
  ['Versandkarton', 'Karton', 'Kartonage', 'Wellpappe', 'Faltschachtel'],
  ['Europalette', 'EPAL-Palette', 'Holzpalette', 'Transportpalette'],
  ['Glasflasche', 'Hohlglas', 'Glasbehälter', 'Flaschenglas'],
  ['Kunststoffgranulat', 'Granulat', 'Compound', 'Rezyklat'],
  ['Spedition', 'Transport', 'Güterverkehr', 'Lkw-Transport', 'Frachtführer'],
  ['Kühltransport', 'Kühllogistik', 'temperaturgeführter Transport'],
  ['Lagerfläche', 'Lagerhaltung', 'Lagerkapazität', 'Palettenstellplatz', 'Lagerlogistik'],
  ['Prüflabor', 'Prüfstelle', 'Prüfinstitut', 'Testlabor', 'Prüfdienstleister'],
  ['Kalibrierung', 'Kalibrieren', 'Messmittelkalibrierung', 'Eichung'],
  ['Softwareentwicklung', 'Software-Entwicklung', 'Programmierung', 'Individualsoftware'],
  ['Beatmungsgerät', 'Beatmung', 'Beatmungstechnik', 'Respirator'],
  // Colloquial names requesters use for what the entries call otherwise (also added to existing
  // installations by migration 0018_colloquial_synonyms).
  ...COLLOQUIAL_SYNONYM_GROUPS,
];

/** All rows of `postal_places`, the places generated companies sit at. */
export async function loadSeedPlaces(executor: Executor = db): Promise<SeedPlace[]> {
  return executor
    .select({
      postalCode: postalPlaces.postalCode,
      place: postalPlaces.place,
      districtKey: postalPlaces.districtKey,
      latitude: postalPlaces.latitude,
      longitude: postalPlaces.longitude,
    })
    .from(postalPlaces)
    .orderBy(asc(postalPlaces.id));
}

/**
 * Geocodes each postal code and place once. Places already loaded (generated companies sit at
 * rows of `postal_places`) are answered without a query, as `geocodePostalCode` would: the
 * first row with that postal code and place name.
 */
function cachedGeocoder(tx: Executor, known: readonly SeedPlace[] = []): Geocoder {
  const cache = new Map<string, Promise<Location | null>>();
  for (const p of known) {
    const key = `${p.postalCode}|${p.place}`;
    if (!cache.has(key)) cache.set(key, Promise.resolve({ districtKey: p.districtKey, latitude: p.latitude, longitude: p.longitude }));
  }
  return (postalCode, city) => {
    const key = `${postalCode}|${city}`;
    let location = cache.get(key);
    if (!location) {
      location = geocodePostalCode(tx, postalCode, city);
      cache.set(key, location);
    }
    return location;
  };
}

/** The three texts of the search vector, as columns of the bulk insert (see insertCompanies). */
const VECTOR_TEXTS = ['vector_a', 'vector_b', 'vector_c'] as const;

/**
 * Inserts new companies (not checked against existing ones) with a `created` event each,
 * 1,000 per statement, with the same derived columns as `saveCompany`. Call inside a transaction.
 * Each batch is one JSON parameter unpacked by jsonb_to_recordset, in one statement with its
 * events: drizzle's multi-row insert sent 25,000 parameters per batch, each bound and converted
 * on its own (docs/benchmarks.md, "Fourth pass").
 */
export async function insertCompanies(tx: Executor, inputs: readonly CompanyInput[], geocode: Geocoder = cachedGeocoder(tx)) {
  const index = await sectorIndex(tx);
  for (let start = 0; start < inputs.length; start += ROWS_PER_INSERT) {
    const batch = inputs.slice(start, start + ROWS_PER_INSERT);
    const records: Record<string, unknown>[] = [];
    for (const input of batch) {
      const { searchVector: _computedInSql, ...row } = await companyRow(tx, input, geocode);
      const titles = input.sectors.map((code) => index.get(code)?.title ?? '').filter(Boolean);
      const texts = searchVectorTexts(input, titles, []);
      const record: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) record[columnOf(key).name] = value;
      VECTOR_TEXTS.forEach((name, i) => {
        record[name] = texts[i];
      });
      records.push(record);
    }
    const columns = Object.keys(records[0] ?? {}).filter((name) => !(VECTOR_TEXTS as readonly string[]).includes(name));
    const definitions = [
      ...columns.map((name) => sql`${sql.identifier(name)} ${sql.raw(typeOf(name))}`),
      ...VECTOR_TEXTS.map((name) => sql`${sql.identifier(name)} text`),
    ];
    const names = sql.join(
      columns.map((name) => sql.identifier(name)),
      sql`, `,
    );
    const [a, b, c] = VECTOR_TEXTS.map((name) => sql`${sql.identifier(name)}`) as [SQL, SQL, SQL];
    const vector = searchVectorOf([a, b, c]);
    await tx.execute(sql`with inserted as (
        insert into ${companies} (${names}, search_vector)
        select ${names}, ${vector} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as batch(${sql.join(definitions, sql`, `)})
        returning id, source
      )
      insert into ${companyEvents} (company_id, type, data)
      select id, 'created', jsonb_build_object('source', source) from inserted`);
  }
}

const COLUMNS = getTableColumns(companies);
const BY_NAME = new Map(Object.values(COLUMNS).map((column) => [column.name, column]));

/** The column of a key of companyRow's result. */
function columnOf(key: string): AnyPgColumn {
  const column = COLUMNS[key as keyof typeof COLUMNS];
  if (!column) throw new Error(`companies has no column for ${key}`);
  return column;
}

/** A column's type for jsonb_to_recordset ("text[]", "double precision", …). */
function typeOf(name: string): string {
  return BY_NAME.get(name)!.getSQLType();
}

/** The highest number among `DEMO-…` external ids, 0 when there are none. */
export async function lastDemoNumber(executor: Executor = db): Promise<number> {
  const pattern = `^${DEMO_ID_PREFIX}[0-9]+$`;
  const [row] = await executor
    .select({
      // A literal position: a text parameter would pick substring's regular expression form.
      last: sql<string | null>`max(substring(${companies.externalId} from ${sql.raw(String(DEMO_ID_PREFIX.length + 1))})::bigint)`,
    })
    .from(companies)
    .where(sql`${companies.externalId} ~ ${pattern}`);
  return Number(row?.last ?? 0);
}

export interface SeedCompaniesOptions {
  count: number;
  /** PRNG seed; by default 42 for the first set and different for every later one. */
  seed?: number;
  onProgress?: (inserted: number) => void;
  /**
   * For a throwaway database nobody searches during the load (the benchmark): drops the
   * companies' GIN indexes first and builds them again at the end. Building a GIN index from
   * all rows at once sorts its entries; growing it row by row costs many times more.
   */
  rebuildIndexes?: boolean;
}

/** Drops the GIN indexes of companies; returns the statements that create them again. */
async function dropGinIndexes(): Promise<string[]> {
  const indexes = await db
    .select({ name: sql<string>`indexname`, definition: sql<string>`indexdef` })
    .from(sql`pg_indexes`)
    .where(sql`tablename = 'companies' and indexdef like '% USING gin %'`);
  for (const index of indexes) await db.execute(sql`drop index ${sql.identifier(index.name)}`);
  return indexes.map((index) => index.definition);
}

/**
 * Adds `count` generated companies to whatever the database holds (`npm run seed`): external
 * ids continue after the highest `DEMO-…` id, 10,000 companies per transaction.
 */
export async function seedCompanies(options: SeedCompaniesOptions): Promise<{ inserted: number; first: number; last: number }> {
  await sectorIndex(); // loaded outside the transactions: PGlite runs one statement stream at a time
  const places = await loadSeedPlaces(); // in id order, like geocodePostalCode's rows
  const first = (await lastDemoNumber()) + 1;
  const seed = options.seed ?? DEMO_COMPANY_SEED + first - 1;
  const inputs = generateCompanies(options.count, places, seed, { firstNumber: first });
  const chunks: CompanyInput[][] = [];
  for (let start = 0; start < inputs.length; start += ROWS_PER_TRANSACTION) chunks.push(inputs.slice(start, start + ROWS_PER_TRANSACTION));
  let inserted = 0;
  const postgresServer = getDatabaseHandle().kind === 'postgres';
  const rebuild = options.rebuildIndexes ? await dropGinIndexes() : [];
  // SEED_WORKERS > 1 overlaps building rows with the server's work. It is safe (the search_words
  // trigger cannot deadlock since migration 0009), but not faster: nearly every 10,000 generated
  // companies bring a few new words, and a transaction that brings new words holds the trigger's
  // lock until it commits, so the workers take turns (30,000 companies on a busy machine: 110–197 s with two
  // workers, 21–70 s with one; docs/benchmarks.md).
  const workers = postgresServer ? Number(process.env.SEED_WORKERS ?? 1) : 1;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        await db.transaction(async (tx) => {
          // Generated data can be generated again: no need to wait for the disk at each commit.
          if (postgresServer) await tx.execute(sql`set local synchronous_commit = off`);
          await insertCompanies(tx, chunk!, cachedGeocoder(tx, places));
        });
        inserted += chunk.length;
        options.onProgress?.(inserted);
      }
    }),
  );
  if (rebuild.length > 0) {
    await db.transaction(async (tx) => {
      if (postgresServer) await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
      for (const definition of rebuild) await tx.execute(sql.raw(definition));
    });
  }
  return { inserted, first, last: first + inserted - 1 };
}

/**
 * Fills an empty companies table with the deterministic demo directory (4,500 companies,
 * institutes and networks, seed 42) in one transaction. Returns how many it created: 0 once
 * any company exists.
 */
export async function seedDemoCompanies(count = DEMO_COMPANY_COUNT): Promise<number> {
  const [any] = await db.select({ id: companies.id }).from(companies).limit(1);
  if (any) return 0;
  await sectorIndex();
  const created = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${COMPANY_SEED_LOCK})`);
    const [again] = await tx.select({ id: companies.id }).from(companies).limit(1);
    if (again) return 0;
    const places = await loadSeedPlaces(tx);
    const inputs = generateCompanies(count, places, DEMO_COMPANY_SEED);
    await insertCompanies(tx, inputs, cachedGeocoder(tx, places));
    return inputs.length;
  });
  // Planner statistics for the search right away (PGlite has no autovacuum).
  if (created > 0) await db.execute(sql`analyze ${companies}`);
  return created;
}

/** Seeds DEFAULT_SYNONYM_GROUPS while `synonym_groups` is empty; returns how many groups it added. */
export async function seedDefaultSynonyms(): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SYNONYM_SEED_LOCK})`);
    const [any] = await tx.select({ id: synonymGroups.id }).from(synonymGroups).limit(1);
    if (any) return 0;
    await tx.insert(synonymGroups).values(DEFAULT_SYNONYM_GROUPS.map((terms) => ({ terms: [...terms] })));
    return DEFAULT_SYNONYM_GROUPS.length;
  });
}
