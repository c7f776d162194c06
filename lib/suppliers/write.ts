import { and, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { companies, companyEvents, type Company } from '../../db/schema';
import { geocodePostalCode, type Location } from '../geo/geocode';
import { sizeClassOf, type CompanyInput } from './schema';
import { sectorIndex, sectorPath } from './sector-index';
import { activeOfferTexts } from './offer-texts';
import { searchQualityOf } from './quality';
import { fold } from './text';
import { berlinDate } from '../time';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** Fields compared to decide whether an import or edit changed anything. */
const COMPARED = [
  'externalId',
  'name',
  'kind',
  'street',
  'postalCode',
  'city',
  'latitude',
  'longitude',
  'website',
  'email',
  'phone',
  'contactPerson',
  'sectors',
  'capabilities',
  'certifications',
  'employees',
  'description',
  'publicListing',
] as const;
type Compared = (typeof COMPARED)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Locates a postal code and place; bulk writers pass a cached one. */
export type Geocoder = (postalCode: string, city: string) => Promise<Location | null>;

/**
 * The stored row for an input: defaults filled, location geocoded, search columns derived (also
 * for bulk inserts). `offerTexts`: the company's active accepted offers, searchable like its capabilities.
 */
export async function companyRow(tx: Executor, input: CompanyInput, geocode?: Geocoder, offerTexts: string[] = []) {
  const index = await sectorIndex(tx);
  const location = await (geocode ?? ((code, city) => geocodePostalCode(tx, code, city)))(input.postalCode, input.city);
  const sectorTitles = input.sectors.map((code) => index.get(code)?.title ?? '').filter(Boolean);
  const values = {
    externalId: input.externalId ?? null,
    name: input.name,
    kind: input.kind,
    street: input.street ?? null,
    postalCode: input.postalCode,
    city: input.city,
    districtKey: location?.districtKey ?? null,
    latitude: input.latitude ?? location?.latitude ?? null,
    longitude: input.longitude ?? location?.longitude ?? null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    contactPerson: input.contactPerson ?? null,
    sectors: input.sectors,
    sectorPaths: [...new Set(input.sectors.flatMap((code) => sectorPath(index, code)))],
    capabilities: input.capabilities,
    certifications: input.certifications,
    employees: input.employees ?? null,
    sizeClass: sizeClassOf(input.employees),
    description: input.description,
    publicListing: input.publicListing,
    source: input.source ?? null,
    ...searchFields(input, sectorTitles, offerTexts),
    searchQuality: searchQualityOf(input),
  };
  return values;
}

type Searchable = Pick<CompanyInput, 'name' | 'capabilities' | 'certifications' | 'description'>;

/** The search columns of a company: folded text for trigrams and the weighted vector. */
export function searchFields(company: Searchable, sectorTitles: string[], offerTexts: string[]) {
  return {
    searchText: fold(
      [company.name, ...company.capabilities, ...offerTexts, ...company.certifications, ...sectorTitles, company.description].join(' \n '),
    ),
    searchVector: searchVectorOf(searchVectorTexts(company, sectorTitles, offerTexts)),
  };
}

/** The texts weighted A, B and C in the German full-text vector; offers weigh like capabilities. */
export function searchVectorTexts(company: Searchable, sectorTitles: string[], offerTexts: string[]): [string, string, string] {
  return [
    [company.name, company.capabilities.join(', '), ...offerTexts].join(' '),
    `${company.certifications.join(', ')} ${sectorTitles.join(', ')}`,
    company.description,
  ];
}

/** The search vector from its three texts: parameters, or columns of a bulk update. */
export function searchVectorOf([a, b, c]: [string | SQL, string | SQL, string | SQL]): SQL {
  return sql`setweight(to_tsvector('german', ${a}), 'A')
      || setweight(to_tsvector('german', ${b}), 'B')
      || setweight(to_tsvector('german', ${c}), 'C')`;
}

type Changes = Partial<Record<Compared, { from: unknown; to: unknown }>>;

/** What an input changes on a stored company; null when nothing. */
function changesOf(existing: Company, input: CompanyInput, values: Record<Compared, unknown>): Changes | null {
  const changes: Changes = {};
  for (const field of COMPARED) {
    // Geocoded coordinates are not a change when the input left them out.
    if ((field === 'latitude' || field === 'longitude') && input[field] === undefined) continue;
    if (!same(existing[field], values[field])) changes[field] = { from: existing[field], to: values[field] };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/** A stored company as the input that would write it again (its own coordinates kept). */
export function companyInputOf(company: Company): CompanyInput {
  const given = <T>(value: T | null) => value ?? undefined;
  return {
    externalId: given(company.externalId),
    name: company.name,
    kind: company.kind,
    street: given(company.street),
    postalCode: company.postalCode,
    city: company.city,
    latitude: given(company.latitude),
    longitude: given(company.longitude),
    website: given(company.website),
    email: given(company.email),
    phone: given(company.phone),
    contactPerson: given(company.contactPerson),
    sectors: company.sectors,
    capabilities: company.capabilities,
    certifications: company.certifications,
    employees: given(company.employees),
    description: company.description,
    publicListing: company.publicListing,
    source: given(company.source),
  };
}

/** The existing company an input describes: same external id, else same name and postal code. */
export async function findExisting(tx: Executor, input: CompanyInput): Promise<Company | undefined> {
  if (input.externalId) {
    const [byId] = await tx.select().from(companies).where(eq(companies.externalId, input.externalId)).for('update');
    if (byId) return byId;
  }
  const [byName] = await tx
    .select()
    .from(companies)
    .where(and(eq(sql`lower(${companies.name})`, input.name.toLowerCase()), eq(companies.postalCode, input.postalCode)))
    .limit(1)
    .for('update');
  return byName;
}

/**
 * Creates or updates one company with a history event naming what changed. Call inside a
 * transaction; the same input twice is 'unchanged' the second time.
 */
export async function saveCompany(
  tx: Executor,
  input: CompanyInput,
  options: { actorId?: number; eventType?: 'imported'; existing?: Company | null; geocode?: Geocoder; by?: 'company' } = {},
): Promise<{ id: number; outcome: SaveOutcome }> {
  const existing = options.existing === undefined ? await findExisting(tx, input) : (options.existing ?? undefined);
  const offerTexts = existing ? ((await activeOfferTexts(tx, [existing.id])).get(existing.id) ?? []) : [];
  const values = await companyRow(tx, input, options.geocode, offerTexts);
  if (!existing) {
    const [created] = await tx.insert(companies).values(values).returning({ id: companies.id });
    await tx.insert(companyEvents).values({
      companyId: created!.id,
      type: options.eventType ?? ('created' as const),
      actorId: options.actorId ?? null,
      data: { source: input.source ?? null },
    });
    return { id: created!.id, outcome: 'created' };
  }
  const changes = changesOf(existing, input, values);
  if (!changes) return { id: existing.id, outcome: 'unchanged' };
  await tx
    .update(companies)
    .set({ ...values, version: existing.version + 1, updatedAt: new Date() })
    .where(eq(companies.id, existing.id));
  await tx.insert(companyEvents).values({
    companyId: existing.id,
    type: options.eventType ?? ('updated' as const),
    actorId: options.actorId ?? null,
    data: options.by ? { changes, by: options.by } : { changes },
  });
  return { id: existing.id, outcome: 'updated' };
}

/**
 * Creates new companies in one statement each, with the same creation event saveCompany
 * writes; for bulk imports, where a statement per row would dominate the time.
 */
export async function createCompanies(
  tx: Executor,
  inputs: CompanyInput[],
  options: { actorId?: number; eventType?: 'imported'; geocode?: Geocoder } = {},
): Promise<number[]> {
  if (inputs.length === 0) return [];
  const values = await Promise.all(inputs.map((input) => companyRow(tx, input, options.geocode)));
  // PostgreSQL returns the rows of a multi-row VALUES insert in the order given.
  const created = await tx.insert(companies).values(values).returning({ id: companies.id });
  await tx.insert(companyEvents).values(
    created.map((row, i) => ({
      companyId: row.id,
      type: options.eventType ?? ('created' as const),
      actorId: options.actorId ?? null,
      data: { source: inputs[i]!.source ?? null },
    })),
  );
  return created.map((row) => row.id);
}

/**
 * Updates companies matched by a bulk import in one statement, each changed one with the same
 * event saveCompany writes; returns each update's outcome ('updated' or 'unchanged').
 */
export async function updateCompanies(
  tx: Executor,
  updates: { existing: Company; input: CompanyInput }[],
  options: { actorId?: number; eventType?: 'imported'; geocode?: Geocoder } = {},
): Promise<SaveOutcome[]> {
  const index = await sectorIndex(tx);
  const outcomes: SaveOutcome[] = [];
  const changed: { id: number; values: Record<string, unknown>; texts: [string, string, string]; changes: Changes }[] = [];
  const offerTexts = await activeOfferTexts(
    tx,
    updates.map((u) => u.existing.id),
  );
  for (const { existing, input } of updates) {
    const texts = offerTexts.get(existing.id) ?? [];
    const { searchVector: _computedInSql, ...values } = await companyRow(tx, input, options.geocode, texts);
    const changes = changesOf(existing, input, values);
    outcomes.push(changes ? 'updated' : 'unchanged');
    if (!changes) continue;
    const sectorTitles = input.sectors.map((code) => index.get(code)?.title ?? '').filter(Boolean);
    changed.push({ id: existing.id, values, texts: searchVectorTexts(input, sectorTitles, texts), changes });
  }
  if (changed.length === 0) return outcomes;

  // The new rows travel as one JSON parameter, read back with the columns' own types.
  const columns = getTableColumns(companies);
  const keys = Object.keys(changed[0]!.values) as (keyof typeof columns)[];
  const rows = changed.map(({ id, values, texts }) => ({
    lotse_id: id,
    vector_a: texts[0],
    vector_b: texts[1],
    vector_c: texts[2],
    ...Object.fromEntries(keys.map((key) => [columns[key].name, values[key]])),
  }));
  const name = (key: keyof typeof columns) => sql.identifier(columns[key].name);
  await tx.execute(sql`
    update ${companies} as c
    set ${sql.join(
      keys.map((key) => sql`${name(key)} = v.${name(key)}`),
      sql`, `,
    )},
      search_vector = ${searchVectorOf([sql`v.vector_a`, sql`v.vector_b`, sql`v.vector_c`])},
      version = c.version + 1,
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      lotse_id integer, vector_a text, vector_b text, vector_c text,
      ${sql.join(
        keys.map((key) => sql`${name(key)} ${sql.raw(columns[key].getSQLType())}`),
        sql`, `,
      )})
    where c.id = v.lotse_id`);
  await tx.insert(companyEvents).values(
    changed.map(({ id, changes }) => ({
      companyId: id,
      type: options.eventType ?? ('updated' as const),
      actorId: options.actorId ?? null,
      data: { changes },
    })),
  );
  return outcomes;
}

/**
 * Rebuilds the search columns of companies whose active offers changed (one accepted, one
 * expired). Derived columns only: the version stays, so nobody's open edit form goes stale.
 */
export async function refreshSearchFields(tx: Executor, companyIds: number[], today = berlinDate()): Promise<void> {
  if (companyIds.length === 0) return;
  const [index, texts, rows] = await Promise.all([
    sectorIndex(tx),
    activeOfferTexts(tx, companyIds, today),
    tx
      .select({
        id: companies.id,
        name: companies.name,
        capabilities: companies.capabilities,
        certifications: companies.certifications,
        description: companies.description,
        sectors: companies.sectors,
      })
      .from(companies)
      .where(inArray(companies.id, companyIds)),
  ]);
  for (const row of rows) {
    const titles = row.sectors.map((code) => index.get(code)?.title ?? '').filter(Boolean);
    const fields = searchFields(row, titles, texts.get(row.id) ?? []);
    await tx
      .update(companies)
      .set({ searchText: fields.searchText, searchVector: sql`${fields.searchVector}` })
      .where(eq(companies.id, row.id));
  }
}
