import { and, type AnyColumn, arrayContains, asc, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies, districts, postalPlaces, searchLexemes, searchWords } from '../../db/schema';
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
/** Length of search_text's head (name and capabilities come first): a hit there counts extra. */
const HEAD_CHARS = 300;
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
 * searches "desinfektionsmittel". Looked up in the small search_words table, index-backed:
 * the word sits in a scalar subquery, so the planner takes the trigram index (0.3 ms) instead
 * of computing the similarity to every known word (3–7 ms at 2,500 words, growing with them).
 * Equally similar words come in alphabetical order.
 */
async function similarWords(word: string): Promise<string[]> {
  const folded = fold(word);
  if (folded.length < 5 || !/^[a-z0-9]+$/.test(folded)) return [];
  const rows = await db
    .select({ word: searchWords.word })
    .from(searchWords)
    .where(sql`${searchWords.word} % (select ${folded}::text) and similarity(${searchWords.word}, ${folded}) >= 0.45`)
    .orderBy(sql`similarity(${searchWords.word}, ${folded}) desc`, asc(searchWords.word))
    .limit(3);
  return rows.map((r) => r.word).filter((w) => w !== folded);
}

/** Letters and digits only: safe inside to_tsquery. */
const lexemes = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** One spelling of a query word: a synonym, the word itself or a similar known word. */
interface Alternative {
  /** Input for to_tsquery('german', …): every part as a prefix, "FFP2:* & Maske:*". */
  tsquery: string;
  /** Folded substring searched inside compounds (search_text), when 3+ letters long. */
  substring: string | null;
}

function alternativeOf(text: string): Alternative | null {
  const parts = lexemes(text);
  if (parts.length === 0) return null;
  const folded = fold(parts.join(parts.length > 1 ? '-' : ''));
  const substring = parts.length > 1 ? folded : stem(fold(parts[parts.length - 1]!));
  return { tsquery: parts.map((part) => `${part}:*`).join(' & '), substring: substring.length >= 3 ? substring : null };
}

/**
 * Each tsquery as PostgreSQL normalizes it (to_tsquery('german', …)::text: stemmed lexemes,
 * stop words dropped), in one round trip.
 */
async function normalizeTsqueries(inputs: string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(inputs)];
  if (distinct.length === 0) return new Map();
  const rows = await db
    .select({ input: sql<string>`value`, normalized: sql<string>`to_tsquery('german', value)::text` })
    .from(sql`jsonb_array_elements_text(${JSON.stringify(distinct)}::jsonb)`);
  return new Map(rows.map((r) => [r.input, r.normalized]));
}

/** `'ffp2':* & 'mask':*` → ["ffp2", "mask"]; null unless it is prefix lexemes joined by &. */
function prefixConjunction(normalized: string): string[] | null {
  const operands = normalized.split(' & ').map((part) => /^'((?:[^']|'')+)':\*$/.exec(part)?.[1]);
  return operands.every((o): o is string => o !== undefined) ? operands : null;
}

/**
 * Each word's alternatives without those that match nothing: a synonym nobody uses
 * ('hygienemittel':*), a spelling the data does not have ('haendedesinfektion':*). They cannot
 * add a match, but the ranking pays for every operand on every matching row (and ts_rank
 * divides by their number). An alternative goes when one of its prefix operands starts no
 * lexeme in search_lexemes (a superset of the search vectors' lexemes, kept by a trigger). A
 * word keeps its last alternative, so that the ranked query's "&" stays as it was.
 */
async function dropDeadAlternatives(words: string[][]): Promise<string[][]> {
  const operands = [...new Set(words.flat().flatMap((q) => prefixConjunction(q) ?? []))].filter((o) => /^[\p{L}\p{N}]+$/u.test(o));
  if (operands.length === 0) return words;
  // The smallest lexeme at or after the operand (bytewise, text_pattern_ops index) starts with
  // it if any lexeme does.
  const rows = await db
    .select({ operand: sql<string>`value` })
    .from(sql`jsonb_array_elements_text(${JSON.stringify(operands)}::jsonb)`)
    .where(
      sql`not starts_with(coalesce((select ${searchLexemes.lexeme} from ${searchLexemes} where ${searchLexemes.lexeme} ~>=~ value order by ${searchLexemes.lexeme} using ~<~ limit 1), ''), value)`,
    );
  const dead = new Set(rows.map((r) => r.operand));
  if (dead.size === 0) return words;
  const kept = words.map((alternatives) => alternatives.map((q) => ({ q, operands: prefixConjunction(q) })));
  for (const alternatives of kept) {
    for (const candidate of [...alternatives]) {
      const c = candidate.operands;
      if (!c?.some((o) => dead.has(o)) || alternatives.filter((a) => a.q !== '').length === 1) continue;
      // Its other operands still mark positions that the ranking counts: only drop it when the
      // rest of the query marks them too.
      const covered = c.every((x) => dead.has(x) || kept.some((list) => list.some((a) => a !== candidate && a.operands?.some((o) => x.startsWith(o)))));
      if (covered) alternatives.splice(alternatives.indexOf(candidate), 1);
    }
  }
  return kept.map((alternatives) => alternatives.map((a) => a.q));
}

/**
 * Each word's normalized alternatives without redundant ones, for less ranking work on every
 * matching row (it grows with the number of operands). An alternative C goes when
 * - another alternative D of the same word is implied by it (each operand of D is a prefix of
 *   one of C's: 'desinfektionsmittel':* implies 'desinfektion':*, and 'ffp2':* & 'mask':*
 *   implies 'ffp2':*), so the word matches the same rows without it, and
 * - each of C's operands has a prefix among the operands kept anywhere in the query, so every
 *   tsvector entry and position C matched is still matched by the query.
 * The matches stay the same; the ranking no longer counts a word's occurrences twice.
 * Stop-word-only alternatives ('') go, as to_tsquery drops them; anything else (phrases) stays.
 */
function pruneAlternatives(words: string[][]): string[][] {
  const kept = words.map((alternatives) => [...new Set(alternatives.filter((q) => q !== ''))].map((q) => ({ q, operands: prefixConjunction(q) })));
  for (const alternatives of kept) {
    for (const candidate of [...alternatives]) {
      const c = candidate.operands;
      if (!c) continue;
      const implied = alternatives.some((d) => d !== candidate && d.operands?.every((o) => c.some((x) => x.startsWith(o))));
      const covered = c.every((x) => kept.some((list) => list.some((a) => a !== candidate && a.operands?.some((o) => x.startsWith(o)))));
      if (implied && covered) alternatives.splice(alternatives.indexOf(candidate), 1);
    }
  }
  return kept.map((alternatives) => alternatives.map((a) => a.q));
}

/** Substrings without those containing another one: `like '%desinfektio%'` already finds them. */
function pruneSubstrings(substrings: string[]): string[] {
  const distinct = [...new Set(substrings)];
  return distinct.filter((s) => !distinct.some((other) => other !== s && s.includes(other)));
}

interface WordMatch {
  /** Matches the word or any synonym: full text (stemmed, prefix), inside compounds, or with typos. */
  condition: SQL;
  /** Every substring, for marking matches in the UI. */
  stems: string[];
  /** The substrings the SQL needs (see pruneSubstrings). */
  substrings: string[];
  /** Normalized tsquery of all alternatives ('' when they are all stop words). */
  tsquery: string;
}

/**
 * One word's condition: its alternatives' full-text prefixes as one tsquery (one GIN index
 * scan instead of one per alternative; the same matches as or-ing them) or any substring in
 * search_text (trigram index).
 */
function matchWord(alternatives: Alternative[], tsqueries: string[]): WordMatch {
  const tsquery = tsqueries.map((q) => (/^'[^']*':\*$/.test(q) ? q : `( ${q} )`)).join(' | ');
  const stems = alternatives.flatMap((a) => (a.substring ? [a.substring] : []));
  const substrings = pruneSubstrings(stems);
  // The values sit in scalar subqueries, so the planner does not see them and estimates the
  // default 0.5 % of rows for each: it then always takes the GIN indexes (bitmap scans).
  // Seeing them, it adds up the synonyms' overlapping matches as if independent, expects a
  // quarter of the table and reads every row instead, evaluating the match on each: 10×
  // slower. A bitmap scan that does match most rows costs little more than that scan.
  const conditions: SQL[] = [];
  if (tsquery) conditions.push(sql`${companies.searchVector} @@ (select ${tsquery}::tsquery)`);
  for (const substring of substrings) conditions.push(sql`${companies.searchText} like (select ${`%${substring}%`}::text)`);
  return {
    condition: conditions.length > 0 ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`,
    stems,
    substrings,
    tsquery,
  };
}

interface Plan {
  where: SQL | undefined;
  score: SQL<number>;
  distance: SQL<number> | null;
  stems: string[];
  origin: Origin | null;
  /** Whether the query has words: then every match has to be read and scored anyway. */
  text: boolean;
}

/** The filters a search can narrow by, each with a count per value in the sidebar. */
export const DIMENSIONS = ['sector', 'district', 'certification', 'kind', 'size'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The condition of each chosen filter; none for the others. */
export function dimensionFilters(params: SupplierSearch): Partial<Record<Dimension, SQL>> {
  const filters: Partial<Record<Dimension, SQL>> = {};
  if (params.sector) filters.sector = arrayContains(companies.sectorPaths, [params.sector]);
  if (params.district) filters.district = eq(companies.districtKey, params.district);
  if (params.certification) filters.certification = arrayContains(companies.certifications, [params.certification]);
  if (params.kind) filters.kind = eq(companies.kind, params.kind);
  if (params.size) filters.size = eq(companies.sizeClass, params.size);
  return filters;
}

async function plan(params: SupplierSearch, audience: Audience): Promise<Plan> {
  const filters: (SQL | undefined)[] = [];
  if (audience === 'public') filters.push(eq(companies.publicListing, true));
  filters.push(...Object.values(dimensionFilters(params)));

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
  const alternatives = await Promise.all(
    words.map(async (word) =>
      [...expandWord(word, groups), ...(await similarWords(word))].map(alternativeOf).filter((a): a is Alternative => a !== null),
    ),
  );
  const normalized = await normalizeTsqueries(alternatives.flat().map((a) => a.tsquery));
  const tsqueries = pruneAlternatives(await dropDeadAlternatives(alternatives.map((list) => list.map((a) => normalized.get(a.tsquery) ?? ''))));
  const matches = alternatives.map((list, i) => matchWord(list, tsqueries[i]!));
  for (const match of matches) filters.push(match.condition);

  let score: SQL<number> = sql<number>`0`;
  if (matches.length > 0) {
    // As to_tsquery would combine the words: stop-word-only words drop out.
    const tsquery = matches.filter((m) => m.tsquery).map((m) => `( ${m.tsquery} )`).join(' & ');
    // ts_rank, not ts_rank_cd: it weighs name and capabilities (A) over the rest as well, and
    // costs less than half per match, which decides the broadest searches (every match is
    // ranked before the best 20 are known; docs/benchmarks.md). Name and capabilities come
    // first in search_text, so a hit in its first 300 characters counts extra: that also
    // rewards word parts inside compounds, which the tsvector does not see. That is where the
    // first occurrence ends (cheaper than cutting the text with left()).
    const headHits = matches
      .filter((m) => m.substrings.length > 0)
      .map((m) => sql`(case when ${sql.join(m.substrings.map((stem) => sql`position(${stem} in ${companies.searchText}) between 1 and ${HEAD_CHARS + 1 - [...stem].length}`), sql` or `)} then 0.3 else 0 end)`);
    score = sql<number>`(ts_rank(${companies.searchVector}, ${tsquery}::tsquery, 1) * 10${
      headHits.length > 0 ? sql` + ${sql.join(headHits, sql` + `)}` : sql``
    })`;
  }
  // Nearby suppliers rank higher: relevance is discounted by distance.
  if (distance && matches.length > 0) score = sql<number>`(${score} / (1 + coalesce(${distance}, 100) / 30))`;

  return { where: and(...filters), score, distance, stems: [...new Set(matches.flatMap((m) => m.stems))], origin, text: matches.length > 0 };
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
  const { where, score, distance, text } = built;
  const by = params.q ? 'score' : distance ? 'distance' : 'name';

  // First the page of ids with the sort keys, from as few columns as possible (for a filter
  // alone, an index-only scan of companies_name_filters_idx), then the page's details.
  const keys = {
    id: companies.id,
    name: companies.name,
    distance: (distance ?? sql<null>`null`).as('distance'),
    score: sql<number>`${score}`.as('score'),
  };
  const order = <T extends { id: AnyColumn | SQL.Aliased; name: AnyColumn | SQL.Aliased }>(from: T) =>
    by === 'score' ? [sql`score desc`, asc(from.id)] : by === 'distance' ? [sql`distance`, asc(from.id)] : [asc(from.name), asc(from.id)];
  // With words, scoring reads and scores every match anyway, so the same pass counts them
  // (countInPage): the matches with their scores go into a CTE that the page and the count read.
  const matches = db.$with('matches').as(db.select(keys).from(companies).where(where));
  const ranked = text
    ? db
        .select({
          id: matches.id,
          name: matches.name,
          distance: matches.distance,
          score: matches.score,
          total: sql<string>`(select count(*) from matches)`.as('total'),
        })
        .from(matches)
        .orderBy(...order(matches))
        .limit(params.limit)
        .offset(params.offset)
        .as('ranked')
    : db
        .select({ ...keys, total: sql<null>`null`.as('total') })
        .from(companies)
        .where(where)
        .orderBy(...order(companies))
        .limit(params.limit)
        .offset(params.offset)
        .as('ranked');
  const rows = (text ? db.with(matches) : db)
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
      distance: ranked.distance,
      score: ranked.score,
      total: ranked.total,
      sectors: companies.sectors,
      capabilities: companies.capabilities,
      certifications: companies.certifications,
      description: companies.description,
    })
    .from(ranked)
    .innerJoin(companies, eq(companies.id, ranked.id))
    .leftJoin(districts, eq(districts.key, companies.districtKey))
    .orderBy(
      ...(by === 'score'
        ? [desc(ranked.score), asc(ranked.id)]
        : by === 'distance'
          ? [asc(ranked.distance), asc(ranked.id)]
          : [asc(ranked.name), asc(ranked.id)]),
    );
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

  return { plan: built, rows, count, countInPage: text, facets };
}

/** Ranked suppliers for a query; the public audience only ever sees listed companies. */
export async function searchSuppliers(params: SupplierSearch, audience: Audience): Promise<SupplierResults> {
  const queries = await supplierSearchQueries(params, audience);
  const { stems, origin } = queries.plan;
  let rows: Awaited<typeof queries.rows>;
  let total: number;
  if (queries.countInPage) {
    rows = await queries.rows;
    // An offset past the last match leaves no row to carry the count.
    total = rows.length > 0 ? Number(rows[0]!.total) : params.offset > 0 ? Number((await queries.count)[0]?.n ?? 0) : 0;
  } else {
    const [page, [counted]] = await Promise.all([queries.rows, queries.count]);
    rows = page;
    total = Number(counted?.n ?? 0);
  }

  return {
    total,
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

/** A match on the map: only public fields, so the directory may show it too. */
export interface MapPoint {
  id: number;
  name: string;
  latitude: number;
  longitude: number;
}

/**
 * Where the matches are, for the map: the first `cap` located ones in the list's order, and
 * whether there were more.
 */
export async function searchPoints(params: SupplierSearch, audience: Audience, cap: number): Promise<{ points: MapPoint[]; capped: boolean }> {
  const { where, score, distance } = await plan(params, audience);
  const rows = await db
    .select({ id: companies.id, name: companies.name, latitude: companies.latitude, longitude: companies.longitude })
    .from(companies)
    .where(and(where, isNotNull(companies.latitude), isNotNull(companies.longitude)))
    .orderBy(params.q ? desc(score) : distance ? asc(distance) : asc(companies.name), asc(companies.id))
    .limit(cap + 1);
  return { points: rows.slice(0, cap) as MapPoint[], capped: rows.length > cap };
}

/** The condition a company has to meet to match the search. */
export async function searchCondition(params: SupplierSearch, audience: Audience): Promise<SQL | undefined> {
  return (await plan(params, audience)).where;
}

/** The ids of every match (for CSV export of a search result). */
export async function searchCompanyIds(params: SupplierSearch, audience: Audience = 'staff'): Promise<number[]> {
  const rows = await db.select({ id: companies.id }).from(companies).where(await searchCondition(params, audience)).orderBy(asc(companies.name));
  return rows.map((r) => r.id);
}
