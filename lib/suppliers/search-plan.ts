import { and, arrayContains, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies, postalPlaces, searchLexemes, searchWords } from '../../db/schema';
import {
  type Alternative,
  alternativeOf,
  anyOf,
  dropDeadAlternatives,
  prefixOperands,
  pruneAlternatives,
  pruneSubstrings,
  requiredWords,
  ROLE_WEIGHT,
  type WordRole,
  wordRole,
} from './query-words';
import type { SupplierSearch } from './search-schema';
import { expandWord, loadSynonymGroups } from './synonyms';
import { fold, queryWords } from './text';

export type Audience = 'staff' | 'public';

export interface Origin {
  latitude: number;
  longitude: number;
}

// Ranking. ts_rank of the query times RANK_SCALE, plus HEAD_BONUS per word found in the head
// of search_text (name and capabilities come first), discounted by distance; when not every
// word can match, the covered words' ROLE_WEIGHTs times COVERAGE_SCALE come first.
/** ts_rank (0…1, mostly below 0.5) brought to the scale of the head bonus. */
const RANK_SCALE = 10;
/** A word found in name or capabilities: also rewards word parts inside compounds, which the tsvector does not see. */
const HEAD_BONUS = 0.3;
/** Length of search_text's head (name and capabilities). */
const HEAD_CHARS = 300;
/** Distance at which relevance is halved. */
const HALF_RELEVANCE_KM = 30;
/** Distance assumed for companies without coordinates. */
const UNLOCATED_KM = 100;
/** Above any relevance (RANK_SCALE + 8 × HEAD_BONUS), so one more covered word always ranks higher. */
const COVERAGE_SCALE = 100;

// Typo tolerance: similar known words (trigram similarity in search_words).
const SIMILAR_MIN_LENGTH = 5;
const SIMILAR_MIN_SCORE = 0.45;
const SIMILAR_MAX = 3;

/** A constant written into the statement, not sent as a parameter (of unknown type). */
const literal = (n: number) => sql.raw(String(n));

const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE = 111.2;

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
export async function similarWords(word: string, minScore = SIMILAR_MIN_SCORE): Promise<string[]> {
  const folded = fold(word);
  if (folded.length < SIMILAR_MIN_LENGTH || !/^[a-z0-9]+$/.test(folded)) return [];
  const rows = await db
    .select({ word: searchWords.word })
    .from(searchWords)
    .where(sql`${searchWords.word} % (select ${folded}::text) and similarity(${searchWords.word}, ${folded}) >= ${literal(minScore)}`)
    .orderBy(sql`similarity(${searchWords.word}, ${folded}) desc`, asc(searchWords.word))
    .limit(SIMILAR_MAX);
  return rows.map((r) => r.word).filter((w) => w !== folded);
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

/**
 * The prefix operands that start no lexeme in search_lexemes (a superset of the search
 * vectors' lexemes, kept by a trigger): a synonym nobody uses, a spelling the data lacks.
 */
async function deadOperands(words: string[][]): Promise<Set<string>> {
  const operands = prefixOperands(words);
  if (operands.length === 0) return new Set();
  // The smallest lexeme at or after the operand (bytewise, text_pattern_ops index) starts with
  // it if any lexeme does.
  const rows = await db
    .select({ operand: sql<string>`value` })
    .from(sql`jsonb_array_elements_text(${JSON.stringify(operands)}::jsonb)`)
    .where(
      sql`not starts_with(coalesce((select ${searchLexemes.lexeme} from ${searchLexemes} where ${searchLexemes.lexeme} ~>=~ value order by ${searchLexemes.lexeme} using ~<~ limit 1), ''), value)`,
    );
  return new Set(rows.map((r) => r.operand));
}

interface WordMatch {
  word: string;
  role: WordRole;
  /** Matches the word or any synonym: full text (stemmed, prefix), inside compounds, or with typos. */
  condition: SQL;
  /** Every substring, for marking matches in the UI. */
  stems: string[];
  /** The substrings the SQL needs (see pruneSubstrings). */
  substrings: string[];
  /** Normalized tsquery of all alternatives. */
  tsquery: string;
}

/**
 * One word's condition: its alternatives' full-text prefixes as one tsquery (one GIN index
 * scan instead of one per alternative; the same matches as or-ing them) or any substring in
 * search_text (trigram index).
 */
function matchWord(word: string, alternatives: Alternative[], tsqueries: string[]): WordMatch {
  const tsquery = anyOf(tsqueries);
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
  return { word, role: wordRole(word), condition: sql`(${sql.join(conditions, sql` or `)})`, stems, substrings, tsquery };
}

/**
 * The query's words with their matches. Stop words ("und", "für") go entirely: to_tsquery
 * drops them anyway, and their substring ('%und%') would match nearly every row.
 */
async function matchWords(q: string): Promise<WordMatch[]> {
  const words = queryWords(q);
  if (words.length === 0) return [];
  const groups = await loadSynonymGroups();
  const alternatives = await Promise.all(
    words.map(async (word) =>
      [...expandWord(word, groups), ...(await similarWords(word))].map(alternativeOf).filter((a): a is Alternative => a !== null),
    ),
  );
  const normalized = await normalizeTsqueries(alternatives.flat().map((a) => a.tsquery));
  const perWord = alternatives.map((list) => list.map((a) => normalized.get(a.tsquery) ?? ''));
  const tsqueries = pruneAlternatives(dropDeadAlternatives(perWord, await deadOperands(perWord)));
  return words.flatMap((word, i) => (tsqueries[i]!.length > 0 ? [matchWord(word, alternatives[i]!, tsqueries[i]!)] : []));
}

/** The filters a search can narrow by, each with a count per value in the sidebar. */
export const DIMENSIONS = ['sector', 'district', 'certification', 'kind', 'size'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The condition of each chosen filter; none for the others. */
function dimensionFilters(params: SupplierSearch): Partial<Record<Dimension, SQL>> {
  const filters: Partial<Record<Dimension, SQL>> = {};
  if (params.sector) filters.sector = arrayContains(companies.sectorPaths, [params.sector]);
  if (params.district) filters.district = eq(companies.districtKey, params.district);
  if (params.certification) filters.certification = arrayContains(companies.certifications, [params.certification]);
  if (params.kind) filters.kind = eq(companies.kind, params.kind);
  if (params.size) filters.size = eq(companies.sizeClass, params.size);
  return filters;
}

/** A search planned once per request: the results, the map points and the facets all use it. */
export interface SearchPlan {
  /** Audience, radius and words: what every facet counts within. */
  base: SQL | undefined;
  /** The chosen filters' conditions. */
  dimensions: Partial<Record<Dimension, SQL>>;
  /** base and every chosen filter. */
  where: SQL | undefined;
  score: SQL<number>;
  distance: SQL<number> | null;
  /** Folded word stems that matched, for marking them in the UI. */
  stems: string[];
  origin: Origin | null;
  /** Whether the query has words: then every match has to be read and scored anyway. */
  text: boolean;
  /** Not every word could match together: results cover the most (and the weightiest) words. */
  relaxed: boolean;
  /** The query's words and their roles (for suggestions when nothing matches). */
  words: { word: string; role: WordRole }[];
}

export interface PlanOptions {
  /** Rank by coverage when the words cannot all match together (default); false: require them all. */
  relax?: boolean;
}

/**
 * Looks up everything a search needs before its statements run: the origin, each word's
 * synonyms, similar spellings and normalized tsquery, and whether all words match together
 * (one indexed existence check, only for two or more required words).
 */
export async function planSearch(params: SupplierSearch, audience: Audience, options: PlanOptions = {}): Promise<SearchPlan> {
  const fixed: (SQL | undefined)[] = [];
  if (audience === 'public') fixed.push(eq(companies.publicListing, true));
  const dimensions = dimensionFilters(params);

  const [origin, matches] = await Promise.all([resolveOrigin(params.near), matchWords(params.q ?? '')]);
  const distance = origin ? distanceKm(origin) : null;
  if (origin && params.radius_km) {
    // A bounding box first (index on latitude), then the exact great-circle distance.
    const latDelta = params.radius_km / KM_PER_DEGREE;
    const lonDelta = params.radius_km / (KM_PER_DEGREE * Math.cos((origin.latitude * Math.PI) / 180));
    fixed.push(
      sql`${companies.latitude} between ${origin.latitude - latDelta} and ${origin.latitude + latDelta}`,
      sql`${companies.longitude} between ${origin.longitude - lonDelta} and ${origin.longitude + lonDelta}`,
      sql`${distance} <= ${params.radius_km}`,
    );
  }

  const required = requiredWords(matches);
  const optional = matches.filter((m) => !required.includes(m));
  let relaxed = false;
  if (options.relax !== false && required.length > 1) {
    const [together] = await db
      .select({ id: companies.id })
      .from(companies)
      .where(and(...fixed, ...Object.values(dimensions), ...required.map((m) => m.condition)))
      .limit(1);
    relaxed = !together;
  }

  const headHit = (m: WordMatch) =>
    m.substrings.length > 0
      ? sql`(case when ${sql.join(
          m.substrings.map((stem) => sql`position(${stem} in ${companies.searchText}) between 1 and ${HEAD_CHARS + 1 - [...stem].length}`),
          sql` or `,
        )} then ${literal(HEAD_BONUS)} else 0 end)`
      : null;
  const covers = (m: WordMatch) => sql`(case when ${m.condition} then ${literal(ROLE_WEIGHT[m.role])} else 0 end)`;
  let score: SQL<number> = sql<number>`0`;
  if (matches.length > 0) {
    // Strict: the required words must all be there (&); relaxed: any of them (|).
    const tsquery = required.map((m) => `( ${m.tsquery} )`).join(relaxed ? ' | ' : ' & ');
    // ts_rank, not ts_rank_cd: it weighs name and capabilities (A) over the rest as well, and
    // costs less than half per match, which decides the broadest searches (every match is
    // ranked before the best 20 are known; docs/benchmarks.md). position() is where the
    // first occurrence ends (cheaper than cutting the text with left()).
    const heads = required.flatMap((m) => headHit(m) ?? []);
    score = sql<number>`(ts_rank(${companies.searchVector}, ${tsquery}::tsquery, 1) * ${literal(RANK_SCALE)}${heads.length > 0 ? sql` + ${sql.join(heads, sql` + `)}` : sql``})`;
    // Nearby suppliers rank higher: relevance is discounted by distance.
    if (distance) score = sql<number>`(${score} / (1 + coalesce(${distance}, ${literal(UNLOCATED_KM)}) / ${literal(HALF_RELEVANCE_KM)}))`;
    // Quantities never decide whether a company matches, but one that has them ranks a little
    // higher; when relaxed, the words a company covers come first.
    if (relaxed) score = sql<number>`(${sql.join(matches.map(covers), sql` + `)}) * ${literal(COVERAGE_SCALE)} + ${score}`;
    else if (optional.length > 0) score = sql<number>`${sql.join(optional.map(covers), sql` + `)} + ${score}`;
  }

  // Relaxed, a company must have one of the product words: filler ('lass' is in "Zulassung")
  // would only widen the candidates with companies that cover nothing sought.
  const products = required.filter((m) => m.role === 'product');
  const wordCondition = relaxed
    ? or(...(products.length > 0 ? products : required).map((m) => m.condition))
    : and(...required.map((m) => m.condition));
  const base = and(...fixed, wordCondition);
  return {
    base,
    dimensions,
    where: and(base, ...Object.values(dimensions)),
    score,
    distance,
    stems: [...new Set(matches.flatMap((m) => m.stems))],
    origin,
    text: matches.length > 0,
    relaxed,
    words: queryWords(params.q ?? '').map((word) => ({ word, role: wordRole(word) })),
  };
}
