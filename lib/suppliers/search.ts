import { and, type AnyColumn, asc, desc, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import { searchDb } from '../../db/client';
import { companies, districts } from '../../db/schema';
import type { CompanyKind } from '../../db/schema/vocabulary';
import { type Audience, literal, type Origin, planSearch, type SearchPlan, withinBox } from './search-plan';
import type { SupplierSearch } from './search-schema';
import { type SearchSuggestions, suggestFor } from './search-suggestions';
import { fold } from './text';
import { isRecentlyVerified } from './verified';

export type { Audience, SearchPlan } from './search-plan';

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
  /** Confirmed by the company within the last 24 months ("geprüft"). */
  verified: boolean;
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
  /**
   * There are more than `total` matches ("mehr als"): with words, only the best `total` by entry
   * quality were ranked; with filters alone, counting stopped after `total`.
   */
  capped: boolean;
  results: SupplierHit[];
  /** Folded word stems that matched, for marking them in the UI. */
  terms: string[];
  origin: { latitude: number; longitude: number } | null;
  /** Not every word matched together: the results cover the most words (the UI says so). */
  relaxed: boolean;
  /** When no word matches anything: similar known words and sectors. */
  suggestions: SearchSuggestions | null;
}

function highlightsFor(
  row: { name: string; capabilities: string[]; certifications: string[]; description: string },
  stems: string[],
): Highlight[] {
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
 * How many matches get the full score: the rest, below them by the estimate, cannot reach the
 * first pages (docs/benchmarks.md, "Bounded search").
 */
const CANDIDATES = 500;

/**
 * The statements a planned search runs, built but not executed: the page of hits, the count
 * and the facet counts (for `.toSQL()` in scripts/bench-suppliers.ts, or to run them).
 */
export function supplierSearchQueries(params: SupplierSearch, built: SearchPlan, within?: SQL) {
  const { where, score, candidateScore, distance, text, bounded } = built;
  const by = params.q ? 'score' : distance ? 'distance' : 'name';

  // First the page of ids with the sort keys, from as few columns as possible (for a filter
  // alone, an index-only scan of companies_name_filters_idx), then the page's details.
  const keys = {
    id: companies.id,
    name: companies.name,
    distance: (distance ?? sql<null>`null`).as('distance'),
  };
  const order = <T extends { id: AnyColumn | SQL.Aliased; name: AnyColumn | SQL.Aliased }>(from: T) =>
    by === 'score' ? [sql`score desc`, asc(from.id)] : by === 'distance' ? [sql`distance`, asc(from.id)] : [asc(from.name), asc(from.id)];
  // With words, every match (or with a quality floor, every match above it) is read anyway, so
  // one pass estimates its score (all but the head bonus, which looks for each substring in
  // search_text) and counts them (countInPage); only the best CANDIDATES by that estimate get
  // the full score that orders the page.
  const matches = searchDb.$with('matches').as(
    searchDb
      .select({ id: companies.id, estimate: sql<number>`${candidateScore}`.as('estimate') })
      .from(companies)
      .where(bounded ? and(where, gte(companies.searchQuality, bounded.floor)) : where),
  );
  // Whether a match lies below the floor, so that the count is a lower bound: looked for among
  // the BELOW_PROBE companies just below it (companies_search_quality_idx; the subquery keeps the
  // table's name for the conditions), as the matches' bitmaps again cost as much as finding them.
  // null when too few lie above the floor (for this page, or to choose the best from) or no
  // match was found below it: then every match is ranked (resultPage).
  const below = bounded
    ? sql`case when (select count(*) from matches) >= ${literal(enoughAbove(params, bounded))} and exists (select 1 from (select * from ${companies} where ${lt(companies.searchQuality, bounded.floor)} order by ${companies.searchQuality} desc limit ${literal(BELOW_PROBE)}) as ${companies} where ${where}) then true end`
    : sql`false`;
  const candidates = searchDb.$with('candidates').as(
    searchDb
      .select({ id: matches.id })
      .from(matches)
      .orderBy(sql`estimate desc`, asc(matches.id))
      .limit(Math.max(CANDIDATES, params.offset + params.limit)),
  );
  const ranked = text
    ? searchDb
        .select({
          ...keys,
          score: sql<number>`${score}`.as('score'),
          total: sql<string>`(select count(*) from matches)`.as('total'),
          capped: sql<boolean | null>`${below}`.as('capped'),
        })
        .from(candidates)
        .innerJoin(companies, eq(companies.id, candidates.id))
        .orderBy(...order(companies))
        .limit(params.limit)
        .offset(params.offset)
        .as('ranked')
    : searchDb
        .select({
          ...keys,
          score: sql<number>`0`.as('score'),
          total: sql<null>`null`.as('total'),
          capped: sql<boolean>`false`.as('capped'),
        })
        .from(companies)
        .where(and(where, within))
        .orderBy(...order(companies))
        .limit(params.limit)
        .offset(params.offset)
        .as('ranked');
  const rows = (text ? searchDb.with(matches, candidates) : searchDb)
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
      capped: ranked.capped,
      sectors: companies.sectors,
      capabilities: companies.capabilities,
      certifications: companies.certifications,
      description: companies.description,
      verified: sql<boolean>`coalesce(${isRecentlyVerified()}, false)`,
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
  const count = searchDb.select({ n: sql<number>`count(*)` }).from(companies).where(where);
  // Filters alone: at most `upTo` + 1 matches are counted (any that the indexes give first), so
  // a count above `upTo` is a lower bound (resultPage).
  const upTo = text || built.countUpTo === null ? null : Math.max(built.countUpTo, params.offset + params.limit);
  const counted =
    upTo === null
      ? count
      : searchDb.select({ n: sql<number>`count(*)` }).from(
          searchDb
            .select({ one: sql`1`.as('one') })
            .from(companies)
            .where(where)
            .limit(upTo + 1)
            .as('first_matches'),
        );

  const matched = searchDb
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
  const facets = searchDb
    .with(searchDb.$with('matched').as(matched))
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

  return { plan: built, rows, count, counted, upTo, countInPage: text, facets };
}

/** How many companies below a quality floor are looked at for a match (supplierSearchQueries). */
const BELOW_PROBE = 2000;

/** How many matches above a quality floor make its ranking the answer. */
const enoughAbove = (params: SupplierSearch, bounded: NonNullable<SearchPlan['bounded']>) =>
  Math.max(params.offset + params.limit, Math.ceil(bounded.candidates / 2));

/** One page of a planned search with its count: exact, or a lower bound when `capped`. */
async function resultPage(params: SupplierSearch, plan: SearchPlan) {
  const queries = supplierSearchQueries(params, plan);
  const { origin, text } = plan;
  if (queries.countInPage) {
    const rows = await queries.rows;
    // Too few above the quality floor (the page lies beyond them, filters or words left fewer
    // than expected): every match is ranked after all.
    if (plan.bounded && (rows.length === 0 || rows[0]!.capped === null)) return resultPage(params, { ...plan, bounded: null });
    // An offset past the last match leaves no row to carry the count.
    if (rows.length > 0 || params.offset === 0) return { rows, total: Number(rows[0]?.total ?? 0), capped: rows[0]?.capped === true };
    return { rows, total: Number((await queries.count)[0]?.n ?? 0), capped: false };
  }
  const [[counted], rows] = await Promise.all([
    queries.counted,
    origin && !text && !params.radius_km ? nearestFirst(params, plan, origin) : queries.rows,
  ]);
  const total = Number(counted?.n ?? 0);
  if (queries.upTo !== null && total > queries.upTo) return { rows, total: queries.upTo, capped: true };
  return { rows, total, capped: false };
}

/**
 * Ranked suppliers for a query; the public audience only ever sees listed companies. Pass the
 * request's plan when the page shows more of the same search (map, facets).
 */
export async function searchSuppliers(params: SupplierSearch, audience: Audience, plan?: SearchPlan): Promise<SupplierResults> {
  const planned = plan ?? (await planSearch(params, audience));
  const { stems, origin, relaxed, text, words } = planned;
  const { rows, total, capped } = await resultPage(params, planned);

  return {
    total,
    capped,
    terms: stems,
    origin,
    relaxed: relaxed && total > 0,
    // Only a search that finds nothing at all gets them: not a filter that excludes the matches.
    suggestions: total === 0 && text && params.offset === 0 ? await suggestFor(words) : null,
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
      verified: row.verified,
    })),
  };
}

/** The boxes nearest-first tries, in km around the origin, before it computes every distance. */
const RINGS_KM = [1, 5, 25, 125];

/**
 * Nearest first without a radius: the rows from the smallest box (withinBox) that holds them
 * all, i.e. `needed` rows of which the last lies within the box's radius (all outside the box are
 * farther); else from `run` without a box. Computing every company's distance to sort them all
 * cost 60–110 ms at 100,000 companies; a box of 1 km around a city (where generated and geocoded
 * companies share their postal code's point) is read from companies_location_idx alone.
 */
async function nearestInBoxes<T extends { distance: unknown }>(
  origin: Origin,
  needed: number,
  run: (within?: SQL) => PromiseLike<T[]>,
): Promise<T[]> {
  for (const km of RINGS_KM) {
    const rows = await run(withinBox(origin, km));
    const last = rows.at(-1);
    if (rows.length === needed && last?.distance != null && Number(last.distance) < km) return rows;
  }
  return run();
}

async function nearestFirst(params: SupplierSearch, plan: SearchPlan, origin: Origin) {
  return nearestInBoxes(origin, params.limit, (within) => supplierSearchQueries(params, plan, within).rows);
}

/** Counts per filter value among the current matches, so the filters show what they would yield. */
export async function searchFacets(params: SupplierSearch, audience: Audience, plan?: SearchPlan): Promise<Facets> {
  const rows = await supplierSearchQueries(params, plan ?? (await planSearch(params, audience))).facets;
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
 * Where the matches are, for the map: the first `cap` located ones (by the score's estimate
 * for words, else in the list's order), and whether there were more.
 */
export async function searchPoints(
  params: SupplierSearch,
  audience: Audience,
  cap: number,
  plan?: SearchPlan,
): Promise<{ points: MapPoint[]; capped: boolean }> {
  const { where, candidateScore, distance, origin } = plan ?? (await planSearch(params, audience));
  const located = (within?: SQL) =>
    searchDb
      .select({
        id: companies.id,
        name: companies.name,
        latitude: companies.latitude,
        longitude: companies.longitude,
        distance: distance ?? sql<null>`null`,
      })
      .from(companies)
      .where(and(where, isNotNull(companies.latitude), isNotNull(companies.longitude), within))
      // By the estimate: the full score of every match would cost more than the whole list.
      .orderBy(params.q ? desc(candidateScore) : distance ? asc(distance) : asc(companies.name), asc(companies.id))
      .limit(cap + 1);
  const rows = origin && !params.q && !params.radius_km ? await nearestInBoxes(origin, cap + 1, located) : await located();
  return {
    points: rows.slice(0, cap).map(({ id, name, latitude, longitude }) => ({ id, name, latitude, longitude }) as MapPoint),
    capped: rows.length > cap,
  };
}

/** The ids of every match (for CSV export of a search result). */
export async function searchCompanyIds(params: SupplierSearch, audience: Audience = 'staff'): Promise<number[]> {
  const { where } = await planSearch(params, audience);
  const rows = await searchDb.select({ id: companies.id }).from(companies).where(where).orderBy(asc(companies.name));
  return rows.map((r) => r.id);
}
