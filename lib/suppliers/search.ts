import { and, arrayContains, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies, districts, postalPlaces, searchWords } from '../../db/schema';
import type { CompanyKind } from '../../db/schema/vocabulary';
import type { SupplierSearch } from './search-schema';
import { expandWord, loadSynonymGroups } from './synonyms';
import { fold, queryWords, stem } from './text';

export type Audience = 'staff' | 'public';

export interface Highlight {
  field: 'name' | 'capabilities' | 'certifications' | 'description';
  text: string;
}

export interface SupplierHit {
  id: number;
  external_id: string | null;
  name: string;
  kind: CompanyKind;
  city: string;
  postal_code: string;
  district: string | null;
  latitude: number | null;
  longitude: number | null;
  distance_km: number | null;
  score: number;
  sectors: string[];
  capabilities: string[];
  certifications: string[];
  highlights: Highlight[];
}

export interface Facets {
  sectors: Record<string, number>;
  districts: Record<string, number>;
  kinds: Record<string, number>;
  certifications: Record<string, number>;
  sizes: Record<string, number>;
}

export interface SupplierResults {
  total: number;
  results: SupplierHit[];
  /** Folded word stems that matched, for marking them in the UI. */
  terms: string[];
  origin: { latitude: number; longitude: number } | null;
}

const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE = 111.2;

interface Origin {
  latitude: number;
  longitude: number;
}

/** "99084" → the postal code's place; "50.98,11.03" → those coordinates. */
export async function resolveOrigin(near: string | undefined): Promise<Origin | null> {
  if (!near) return null;
  const coordinates = /^(-?[\d.]+),\s*(-?[\d.]+)$/.exec(near);
  if (coordinates) return { latitude: Number(coordinates[1]), longitude: Number(coordinates[2]) };
  const [place] = await db
    .select({ latitude: postalPlaces.latitude, longitude: postalPlaces.longitude })
    .from(postalPlaces)
    .where(eq(postalPlaces.postalCode, near))
    .limit(1);
  return place ?? null;
}

function distanceKm(origin: Origin): SQL<number> {
  return sql<number>`(${EARTH_RADIUS_KM} * 2 * asin(sqrt(
    power(sin(radians(${companies.latitude} - ${origin.latitude}) / 2), 2)
    + cos(radians(${origin.latitude})) * cos(radians(${companies.latitude}))
      * power(sin(radians(${companies.longitude} - ${origin.longitude}) / 2), 2))))`;
}

/**
 * Known words that look like `word` (trigram similarity), so "Desinfektionsmitel" also
 * searches "desinfektionsmittel". Looked up in the small search_words table, index-backed.
 */
async function similarWords(word: string): Promise<string[]> {
  const folded = fold(word);
  if (folded.length < 5 || !/^[a-z0-9]+$/.test(folded)) return [];
  const rows = await db
    .select({ word: searchWords.word })
    .from(searchWords)
    .where(sql`${searchWords.word} % ${folded} and similarity(${searchWords.word}, ${folded}) >= 0.45`)
    .orderBy(sql`similarity(${searchWords.word}, ${folded}) desc`)
    .limit(3);
  return rows.map((r) => r.word).filter((w) => w !== folded);
}

/** Letters and digits only: safe inside to_tsquery. */
const lexemes = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

interface WordMatch {
  /** Matches the word or any synonym: full text (stemmed, prefix), inside compounds, or with typos. */
  condition: SQL;
  stems: string[];
  tsquery: string;
}

function matchWord(alternatives: string[]): WordMatch {
  const conditions: SQL[] = [];
  const stems: string[] = [];
  const tsqueries: string[] = [];
  for (const alternative of alternatives) {
    const parts = lexemes(alternative);
    if (parts.length === 0) continue;
    const tsquery = parts.map((part) => `${part}:*`).join(' & ');
    tsqueries.push(`(${tsquery})`);
    conditions.push(sql`${companies.searchVector} @@ to_tsquery('german', ${tsquery})`);
    const folded = fold(parts.join(parts.length > 1 ? '-' : ''));
    const wordStem = stem(fold(parts[parts.length - 1]!));
    const substring = parts.length > 1 ? folded : wordStem;
    if (substring.length >= 3) {
      conditions.push(sql`${companies.searchText} like ${`%${substring}%`}`);
      stems.push(substring);
    }
  }
  return {
    condition: conditions.length > 0 ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`,
    stems,
    tsquery: tsqueries.join(' | '),
  };
}

interface Plan {
  where: SQL | undefined;
  score: SQL<number>;
  distance: SQL<number> | null;
  stems: string[];
  origin: Origin | null;
}

async function plan(params: SupplierSearch, audience: Audience): Promise<Plan> {
  const filters: (SQL | undefined)[] = [];
  if (audience === 'public') filters.push(eq(companies.publicListing, true));
  if (params.sector) filters.push(arrayContains(companies.sectorPaths, [params.sector]));
  if (params.district) filters.push(eq(companies.districtKey, params.district));
  if (params.certification) filters.push(arrayContains(companies.certifications, [params.certification]));
  if (params.kind) filters.push(eq(companies.kind, params.kind));
  if (params.size) filters.push(eq(companies.sizeClass, params.size));

  const origin = await resolveOrigin(params.near);
  const distance = origin ? distanceKm(origin) : null;
  if (origin && params.radius_km) {
    // A bounding box first (index on latitude), then the exact great-circle distance.
    const latDelta = params.radius_km / KM_PER_DEGREE;
    const lonDelta = params.radius_km / (KM_PER_DEGREE * Math.cos((origin.latitude * Math.PI) / 180));
    filters.push(
      sql`${companies.latitude} between ${origin.latitude - latDelta} and ${origin.latitude + latDelta}`,
      sql`${companies.longitude} between ${origin.longitude - lonDelta} and ${origin.longitude + lonDelta}`,
      sql`${distance} <= ${params.radius_km}`,
    );
  }

  const words = queryWords(params.q ?? '');
  const groups = words.length > 0 ? await loadSynonymGroups() : [];
  const matches = await Promise.all(
    words.map(async (word) => matchWord([...expandWord(word, groups), ...(await similarWords(word))])),
  );
  for (const match of matches) filters.push(match.condition);

  let score: SQL<number> = sql<number>`0`;
  if (matches.length > 0) {
    const tsquery = matches.map((m) => `(${m.tsquery || 'x'})`).join(' & ');
    // Name and capabilities come first in search_text: a hit there counts extra.
    const headHits = matches
      .filter((m) => m.stems.length > 0)
      .map((m) => sql`(case when ${sql.join(m.stems.map((stem) => sql`position(${stem} in left(${companies.searchText}, 300)) > 0`), sql` or `)} then 0.3 else 0 end)`);
    score = sql<number>`(ts_rank_cd(${companies.searchVector}, to_tsquery('german', ${tsquery}), 1) * 4${
      headHits.length > 0 ? sql` + ${sql.join(headHits, sql` + `)}` : sql``
    })`;
  }
  // Nearby suppliers rank higher: relevance is discounted by distance.
  if (distance && matches.length > 0) score = sql<number>`(${score} / (1 + coalesce(${distance}, 100) / 30))`;

  return { where: and(...filters), score, distance, stems: [...new Set(matches.flatMap((m) => m.stems))], origin };
}

function highlightsFor(row: { name: string; capabilities: string[]; certifications: string[]; description: string }, stems: string[]): Highlight[] {
  if (stems.length === 0) return [];
  const hits = (text: string) => stems.some((s) => fold(text).includes(s));
  const out: Highlight[] = [];
  if (hits(row.name)) out.push({ field: 'name', text: row.name });
  for (const capability of row.capabilities) if (hits(capability)) out.push({ field: 'capabilities', text: capability });
  for (const certification of row.certifications) if (hits(certification)) out.push({ field: 'certifications', text: certification });
  const folded = fold(row.description);
  const at = Math.min(...stems.map((s) => folded.indexOf(s)).filter((i) => i >= 0));
  if (Number.isFinite(at)) {
    const start = Math.max(0, at - 60);
    out.push({ field: 'description', text: `${start > 0 ? '…' : ''}${row.description.slice(start, at + 100).trim()}…` });
  }
  return out.slice(0, 6);
}

/**
 * The statements a search runs, built but not executed: the page of hits, the count and the
 * facet counts (for `.toSQL()` in scripts/bench-suppliers.ts, or to run them).
 */
export async function supplierSearchQueries(params: SupplierSearch, audience: Audience) {
  const built = await plan(params, audience);
  const { where, score, distance } = built;
  const order = params.q ? [desc(score), asc(companies.id)] : distance ? [asc(distance), asc(companies.id)] : [asc(companies.name), asc(companies.id)];

  const rows = db
    .select({
      id: companies.id,
      externalId: companies.externalId,
      name: companies.name,
      kind: companies.kind,
      city: companies.city,
      postalCode: companies.postalCode,
      district: districts.name,
      latitude: companies.latitude,
      longitude: companies.longitude,
      distance: distance ?? sql<null>`null`,
      score,
      sectors: companies.sectors,
      capabilities: companies.capabilities,
      certifications: companies.certifications,
      description: companies.description,
    })
    .from(companies)
    .leftJoin(districts, eq(districts.key, companies.districtKey))
    .where(where)
    .orderBy(...order)
    .limit(params.limit)
    .offset(params.offset);
  const count = db.select({ n: sql<number>`count(*)` }).from(companies).where(where);

  const matched = db
    .select({
      sectorPaths: companies.sectorPaths,
      districtKey: companies.districtKey,
      kind: companies.kind,
      certifications: companies.certifications,
      sizeClass: companies.sizeClass,
    })
    .from(companies)
    .where(where);
  // One pass over the matches (a CTE) for all five facets.
  const facets = db
    .with(db.$with('matched').as(matched))
    .select({ facet: sql<keyof Facets>`facet`, value: sql<string>`value`, n: sql<number>`count(*)` })
    .from(
      sql`(select 'sectors' as facet, unnest(sector_paths) as value from matched
        union all select 'districts', district_key from matched
        union all select 'kinds', kind from matched
        union all select 'certifications', unnest(certifications) from matched
        union all select 'sizes', size_class from matched) as facets`,
    )
    .where(sql`value is not null`)
    .groupBy(sql`facet`, sql`value`);

  return { plan: built, rows, count, facets };
}

/** Ranked suppliers for a query; the public audience only ever sees listed companies. */
export async function searchSuppliers(params: SupplierSearch, audience: Audience): Promise<SupplierResults> {
  const queries = await supplierSearchQueries(params, audience);
  const { stems, origin } = queries.plan;
  const [rows, [counted]] = await Promise.all([queries.rows, queries.count]);

  return {
    total: Number(counted?.n ?? 0),
    terms: stems,
    origin,
    results: rows.map((row) => ({
      id: row.id,
      external_id: row.externalId,
      name: row.name,
      kind: row.kind,
      city: row.city,
      postal_code: row.postalCode,
      district: row.district,
      latitude: row.latitude,
      longitude: row.longitude,
      distance_km: row.distance === null ? null : Math.round(Number(row.distance) * 10) / 10,
      score: Math.round(Number(row.score) * 1000) / 1000,
      sectors: row.sectors,
      capabilities: row.capabilities,
      certifications: row.certifications,
      highlights: highlightsFor(row, stems),
    })),
  };
}

/** Counts per filter value among the current matches, so the filters show what they would yield. */
export async function searchFacets(params: SupplierSearch, audience: Audience): Promise<Facets> {
  const rows = await (await supplierSearchQueries(params, audience)).facets;
  const facets: Facets = { sectors: {}, districts: {}, kinds: {}, certifications: {}, sizes: {} };
  for (const row of rows) facets[row.facet][row.value] = Number(row.n);
  return facets;
}

/** The ids of every match (for CSV export of a search result). */
export async function searchCompanyIds(params: SupplierSearch, audience: Audience = 'staff'): Promise<number[]> {
  const { where } = await plan(params, audience);
  const rows = await db.select({ id: companies.id }).from(companies).where(where).orderBy(asc(companies.name));
  return rows.map((r) => r.id);
}
