import { and, arrayContains, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import { searchDb } from '../../db/client';
import { companies, postalPlaces, searchLexemes, searchWords } from '../../db/schema';
import {
  type Alternative,
  alternativeOf,
  anyOf,
  conjunctions,
  dropDeadAlternatives,
  prefixConjunction,
  prefixOperands,
  pruneAlternatives,
  pruneSubstrings,
  requiredWords,
  ROLE_WEIGHT,
  substringInVector,
  type WordRole,
  wordRole,
} from './query-words';
import { MAX_OFFSET, type SupplierSearch } from './search-schema';
import { qualityFloorFor } from './quality';
import { expectedShare, loadSearchStatistics } from './search-statistics';
import { expandWord, loadSynonymGroups } from './synonyms';
import { fold, queryWords } from './text';
import { isRecentlyVerified } from './verified';

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
/** Above any relevance (RANK_SCALE + 9 × HEAD_BONUS), so one more covered word always ranks higher. */
const COVERAGE_SCALE = 100;
/**
 * An entry its company confirmed within 24 months ranks like one more word in its head: among
 * equally good matches the checked one comes first, a better match still wins.
 */
const VERIFIED_BONUS = HEAD_BONUS;

// Typo tolerance: similar known words (trigram similarity in search_words).
const SIMILAR_MIN_LENGTH = 5;
const SIMILAR_MIN_SCORE = 0.45;
const SIMILAR_MAX = 3;

/** A constant written into the statement, not sent as a parameter (of unknown type). */
export const literal = (n: number) => sql.raw(String(n));

const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE = 111.2;
/** Widens withinBox beyond `km`, so that the box holds every company within `km` despite its flat approximations. */
const BOX_MARGIN = 1.05;

/** "99084" → the postal code's place; "50.98,11.03" → those coordinates. */
export async function resolveOrigin(near: string | undefined): Promise<Origin | null> {
  if (!near) return null;
  const coordinates = /^(-?[\d.]+),\s*(-?[\d.]+)$/.exec(near);
  if (coordinates) return { latitude: Number(coordinates[1]), longitude: Number(coordinates[2]) };
  const [place] = await searchDb
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
 * A latitude/longitude box (companies_location_idx) that holds every company within `km` of
 * `origin`: the longitude span is taken at the box's poleward edge, where a degree is shortest,
 * and both spans are widened by BOX_MARGIN. Everything outside it is farther than `km`.
 */
export function withinBox(origin: Origin, km: number): SQL {
  const latDelta = (km * BOX_MARGIN) / KM_PER_DEGREE;
  const poleward = Math.min(89, Math.abs(origin.latitude) + latDelta);
  const lonDelta = Math.min(180, (km * BOX_MARGIN) / (KM_PER_DEGREE * Math.cos((poleward * Math.PI) / 180)));
  return sql`${companies.latitude} between ${origin.latitude - latDelta} and ${origin.latitude + latDelta} and ${companies.longitude} between ${origin.longitude - lonDelta} and ${origin.longitude + lonDelta}`;
}

/**
 * Known words that look like `word` (trigram similarity), so "Desinfektionsmitel" also
 * searches "desinfektionsmittel". Looked up in the small search_words table, index-backed:
 * the word sits in a scalar subquery, so the planner takes the trigram index (0.3 ms) instead
 * of computing the similarity to every known word (3–7 ms at 2,500 words, growing with them).
 * Equally similar words come in alphabetical order.
 *
 * `typosOnly`: none when a known word contains the word. The search finds it inside them anyway,
 * and its look-alikes only widen it: "Kunststoffrecycling" also searched "kunststoff",
 * "Pulverbeschichtung" "beschichtung", "Alkohol" "alkoholfreies", and at 1,000,000 companies
 * those matches filled the first page (docs/benchmarks.md, "Eighth pass").
 */
export async function similarWords(word: string, { minScore = SIMILAR_MIN_SCORE, typosOnly = false } = {}): Promise<string[]> {
  const folded = fold(word);
  if (folded.length < SIMILAR_MIN_LENGTH || !/^[a-z0-9]+$/.test(folded)) return [];
  const unknown = sql`not exists (select 1 from ${searchWords} as known where known.word like (select ${`%${folded}%`}::text))`;
  const rows = await searchDb
    .select({ word: searchWords.word })
    .from(searchWords)
    .where(
      and(
        sql`${searchWords.word} % (select ${folded}::text) and similarity(${searchWords.word}, ${folded}) >= ${literal(minScore)}`,
        typosOnly ? unknown : undefined,
      ),
    )
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
  const rows = await searchDb
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
  const rows = await searchDb
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
  /** The substrings the head bonus looks for (see pruneSubstrings). */
  substrings: string[];
  /** The substrings whose `like` is part of the condition (they find more than the tsquery). */
  likes: string[];
  /** The normalized tsqueries of the word's alternatives. */
  alternatives: string[];
  /** Normalized tsquery of all alternatives. */
  tsquery: string;
  /**
   * Whether the tsquery can match at all: '' when each alternative has an operand that starts no
   * lexeme of the data (dropDeadAlternatives keeps a word's last one); the tsquery otherwise.
   */
  liveTsquery: string;
}

/**
 * One word's condition: its alternatives' full-text prefixes as one tsquery (one GIN index
 * scan instead of one per alternative; the same matches as or-ing them) or any substring in
 * search_text (trigram index) that is not `covered` (finds nothing more: substringsInVector).
 */
function matchWord(word: string, stems: string[], tsqueries: string[], covered: ReadonlySet<string>, dead: ReadonlySet<string>): WordMatch {
  const tsquery = anyOf(tsqueries);
  const substrings = pruneSubstrings(stems);
  // The values sit in scalar subqueries, so the planner does not see them and estimates the
  // default 0.5 % of rows for each: it then always takes the GIN indexes (bitmap scans).
  // Seeing them, it adds up the synonyms' overlapping matches as if independent, expects a
  // quarter of the table and reads every row instead, evaluating the match on each: 10×
  // slower. A bitmap scan that does match most rows costs little more than that scan.
  const likes = substrings.filter((substring) => !covered.has(substring));
  const conditions = [...(tsquery ? [fullText(tsquery)] : []), ...likes.map(contains)];
  const live = tsqueries.some((q) => !prefixConjunction(q)?.some((operand) => dead.has(operand)));
  return {
    word,
    role: wordRole(word),
    condition: sql`(${sql.join(conditions, sql` or `)})`,
    stems,
    substrings,
    likes,
    alternatives: tsqueries,
    tsquery,
    liveTsquery: live ? tsquery : '',
  };
}

/** The values sit in scalar subqueries: see matchWord. */
const fullText = (tsquery: string) => sql`${companies.searchVector} @@ (select ${tsquery}::tsquery)`;
const contains = (substring: string) => sql`${companies.searchText} like (select ${`%${substring}%`}::text)`;

/** Beyond this many ways for the words to match together, the check takes their conditions as they are. */
const TOGETHER_MAX = 8;

/**
 * Companies read in table order before the indexes are asked: words that match together broadly
 * ("FFP2 Masken", 3.8 % of all companies) meet within the first hundred rows.
 */
const TOGETHER_SAMPLE = 500;

/**
 * Whether some company matches every required word (within the filters). Asked as the words'
 * conditions and-ed, PostgreSQL reads every match of one word and tests the others on each row:
 * it does not intersect the words' bitmaps (4,468 rows for "Gehäuse spritzgießen lassen", which
 * no company matches, at 100,000 companies). Asked as a few conjunctions, one way per word
 * (conjunctions), the tsqueries of each are one tsquery whose matches the GIN index intersects
 * itself, a substring joins it in a BitmapAnd, and each conjunction stops at its first match.
 * The statements keep the and-ed conditions: as conjunctions they read fewer rows where one word
 * is narrow ("Masken Kliniken"), but cost more where the words overlap ("FFP2 Masken": the GIN
 * index reads every "mask…" posting list); docs/benchmarks.md, "Words together".
 *
 * First a few hundred companies in table order, which settles words that overlap broadly at
 * once; then the indexes, with sequential scans off: `exists` plans for its first row, and
 * PostgreSQL, expecting 0.5 % of the table per condition, read all 1,000,000 companies (1.6–2.0 s)
 * for a conjunction no company matches ("Sixth pass" in docs/benchmarks.md). Even with the
 * tsquery in sight its estimate multiplies the words' shares as if independent, so words that
 * never meet ("Masken Spritzguss") would still be read that way.
 */
async function matchTogether(filters: (SQL | undefined)[], required: WordMatch[]): Promise<boolean> {
  const conditions = ways(required) ?? [and(...required.map((m) => m.condition))];
  // A word that can match nothing ("dringend" in no entry) leaves no way at all.
  if (conditions.length === 0) return false;
  const found = async (executor: Pick<typeof searchDb, 'select'>, from: SQL) => {
    const probes = conditions.map((condition) => sql`exists (select 1 from ${from} where ${and(...filters, condition)})`);
    const [row] = await executor.select({ found: sql<boolean>`${sql.join(probes, sql` or `)}` }).from(sql`(select 1) as one`);
    return row?.found === true;
  };
  // The sample keeps the table's name, so the conditions' column references hold.
  if (await found(searchDb, sql`(select * from ${companies} limit ${literal(TOGETHER_SAMPLE)}) as ${companies}`)) return true;
  return searchDb.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return found(tx, sql`${companies}`);
  });
}

/** matchTogether's conjunctions, each a condition; null for one word or too many conjunctions. */
function ways(required: WordMatch[]): SQL[] | null {
  if (required.length < 2) return null;
  const terms = conjunctions(
    required.map((m) => ({ tsquery: m.liveTsquery, substrings: m.likes })),
    TOGETHER_MAX,
  );
  return terms?.map((term) => and(...(term.tsquery ? [fullText(term.tsquery)] : []), ...term.substrings.map(contains))!) ?? null;
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
      [...expandWord(word, groups), ...(await similarWords(word, { typosOnly: true }))]
        .map(alternativeOf)
        .filter((a): a is Alternative => a !== null),
    ),
  );
  const normalized = await normalizeTsqueries(alternatives.flat().map((a) => a.tsquery));
  const perWord = alternatives.map((list) => list.map((a) => normalized.get(a.tsquery) ?? ''));
  const dead = await deadOperands(perWord);
  const tsqueries = pruneAlternatives(dropDeadAlternatives(perWord, dead));
  const stems = alternatives.map((list) => list.flatMap((a) => (a.substring ? [a.substring] : [])));
  const covered = await substringsInVector(stems.map((list, i) => ({ substrings: pruneSubstrings(list), tsqueries: tsqueries[i]! })));
  return words.flatMap((word, i) => (tsqueries[i]!.length > 0 ? [matchWord(word, stems[i]!, tsqueries[i]!, covered[i]!, dead)] : []));
}

/**
 * The substrings whose search in search_text would find nothing the word's tsquery does not
 * find already (see substringInVector): their `like` goes from the match condition. It cost a
 * trigram index scan as long as the full-text one ("desinfektio" at 100,000 companies: 55 ms
 * next to 30 ms) and a recheck of search_text. Only letters and digits, 4+ long: a 3-letter
 * word is no known word. One indexed look-up of the known words containing any of them.
 */
async function substringsInVector(words: { substrings: string[]; tsqueries: string[] }[]): Promise<Set<string>[]> {
  const covered = words.map(() => new Set<string>());
  const checks = words.flatMap(({ substrings, tsqueries }, word) => {
    const prefixes = tsqueries.flatMap((q) => {
      const operands = prefixConjunction(q);
      return operands?.length === 1 ? operands : [];
    });
    return prefixes.length === 0
      ? []
      : substrings.filter((s) => /^[a-z0-9]{4,}$/.test(s)).map((substring) => ({ word, substring, prefixes }));
  });
  if (checks.length === 0) return covered;
  const known = await searchDb
    .select({ word: searchWords.word, lexemes: sql<string[]>`tsvector_to_array(to_tsvector('german', ${searchWords.word}))` })
    .from(searchWords)
    .where(or(...[...new Set(checks.map((c) => c.substring))].map((s) => sql`${searchWords.word} like ${`%${s}%`}`)));
  for (const { word, substring, prefixes } of checks) if (substringInVector(substring, prefixes, known)) covered[word]!.add(substring);
  return covered;
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
  /** The full relevance: computed for the candidates only (supplierSearchQueries). */
  score: SQL<number>;
  /**
   * `score` without the head bonus: computed for every match to choose the candidates. Coverage
   * stays exact (a word found only inside a compound counts), or a relaxed query would lose them.
   */
  candidateScore: SQL<number>;
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
  /**
   * For words expected to match many companies: only matches with at least `floor` as
   * search_quality are ranked (about `candidates` of them), and the count says "more than".
   * null: all are ranked.
   */
  bounded: { floor: number; candidates: number } | null;
  /**
   * Without words: the count stops after this many matches (or the page's end, if further) and
   * says "more than". null: every match is counted.
   */
  countUpTo: number | null;
}

/** When a search ranks only its best entries (see boundFor). */
export interface Bound {
  /** From this many expected matches on. */
  from: number;
  /** About how many matches to rank then. */
  candidates: number;
}

/**
 * Ranking every match of a word found in 70,000 of 1,000,000 companies reads 70,000 rows
 * (docs/benchmarks.md, "Fifth pass"); 2,000 by entry quality give the first pages.
 */
export const BOUND: Bound = { from: 4000, candidates: 2000 };

/**
 * Counting every company a filter alone matches (sector=C: 798,283 of 1,000,000) cost 0.5–1 s;
 * counting to this many reads 13,529 index entries for it (docs/benchmarks.md, "Seventh pass").
 * No page lies beyond it.
 */
export const COUNT_UP_TO = MAX_OFFSET;

export interface PlanOptions {
  /** Rank by coverage when the words cannot all match together (default); false: require them all. */
  relax?: boolean;
  /** When to rank only the best entries by search_quality; null: never. Default BOUND. */
  bound?: Bound | null;
  /** How far a search without words counts its matches; null: all. Default COUNT_UP_TO. */
  countUpTo?: number | null;
}

/**
 * Looks up everything a search needs before its statements run: the origin, each word's
 * synonyms, similar spellings and normalized tsquery, and whether all words match together
 * (one indexed existence check, only for two or more required words).
 */
export async function planSearch(params: SupplierSearch, audience: Audience, options: PlanOptions = {}): Promise<SearchPlan> {
  const fixed: (SQL | undefined)[] = [];
  if (audience === 'public') fixed.push(eq(companies.publicListing, true));
  if (params.verified) fixed.push(isRecentlyVerified());
  const dimensions = dimensionFilters(params);

  const [origin, matches] = await Promise.all([resolveOrigin(params.near), matchWords(params.q ?? '')]);
  const distance = origin ? distanceKm(origin) : null;
  if (origin && params.radius_km) {
    // A bounding box first (index on location), then the exact great-circle distance.
    fixed.push(withinBox(origin, params.radius_km), sql`${distance} <= ${params.radius_km}`);
  }

  const required = requiredWords(matches);
  const optional = matches.filter((m) => !required.includes(m));
  let relaxed = false;
  if (options.relax !== false && required.length > 1) relaxed = !(await matchTogether([...fixed, ...Object.values(dimensions)], required));

  const headHit = (m: WordMatch) =>
    m.substrings.length > 0
      ? sql`(case when ${sql.join(
          m.substrings.map((stem) => sql`position(${stem} in ${companies.searchText}) between 1 and ${HEAD_CHARS + 1 - [...stem].length}`),
          sql` or `,
        )} then ${literal(HEAD_BONUS)} else 0 end)`
      : null;
  // Strict: the required words must all be there (&); relaxed: any of them (|).
  const tsquery = required.map((m) => `( ${m.tsquery} )`).join(relaxed ? ' | ' : ' & ');
  /** The score, with or without the head bonus (which reads search_text at a position for each substring). */
  const relevance = (heads: boolean): SQL<number> => {
    if (matches.length === 0) return sql<number>`0`;
    // ts_rank, not ts_rank_cd: it weighs name and capabilities (A) over the rest as well, and
    // costs less than half per match (docs/benchmarks.md). position() is where the first
    // occurrence ends (cheaper than cutting the text with left()).
    const bonuses = heads
      ? [...required.flatMap((m) => headHit(m) ?? []), sql`(case when ${isRecentlyVerified()} then ${literal(VERIFIED_BONUS)} else 0 end)`]
      : [];
    let score = sql<number>`(ts_rank(${companies.searchVector}, ${tsquery}::tsquery, 1) * ${literal(RANK_SCALE)}${bonuses.length > 0 ? sql` + ${sql.join(bonuses, sql` + `)}` : sql``})`;
    // Nearby suppliers rank higher: relevance is discounted by distance.
    if (distance) score = sql<number>`(${score} / (1 + coalesce(${distance}, ${literal(UNLOCATED_KM)}) / ${literal(HALF_RELEVANCE_KM)}))`;
    // Quantities never decide whether a company matches, but one that has them ranks a little
    // higher; when relaxed, the words a company covers come first.
    const covers = (m: WordMatch) => sql`(case when ${m.condition} then ${literal(ROLE_WEIGHT[m.role])} else 0 end)`;
    if (relaxed) return sql<number>`(${sql.join(matches.map(covers), sql` + `)}) * ${literal(COVERAGE_SCALE)} + ${score}`;
    if (optional.length > 0) return sql<number>`${sql.join(optional.map(covers), sql` + `)} + ${score}`;
    return score;
  };

  // Relaxed, a company must have one of the product words: filler ('lass' is in "Zulassung")
  // would only widen the candidates with companies that cover nothing sought.
  const products = required.filter((m) => m.role === 'product');
  const wordCondition = relaxed
    ? or(...(products.length > 0 ? products : required).map((m) => m.condition))
    : and(...required.map((m) => m.condition));
  const base = and(...fixed, wordCondition);
  const bound = options.bound === undefined ? BOUND : options.bound;
  return {
    base,
    dimensions,
    where: and(base, ...Object.values(dimensions)),
    score: relevance(true),
    candidateScore: relevance(false),
    distance,
    stems: [...new Set(matches.flatMap((m) => m.stems))],
    origin,
    text: matches.length > 0,
    relaxed,
    words: queryWords(params.q ?? '').map((word) => ({ word, role: wordRole(word) })),
    countUpTo: options.countUpTo === undefined ? COUNT_UP_TO : options.countUpTo,
    bounded:
      bound && matches.length > 0 ? await boundFor(relaxed ? (products.length > 0 ? products : required) : required, relaxed, bound) : null,
  };
}

/**
 * The search_quality above which about `bound.candidates` of the matches lie, when the words
 * are expected to match at least `bound.from` companies; else null (all are ranked). Expected from
 * PostgreSQL's statistics (loadSearchStatistics; none before the first ANALYZE: null): each
 * word's share (expectedShare), summed over the words when any may match, multiplied when all
 * must (as if independent: "Masken und Kliniken" match far fewer than each word). Substrings and
 * compounds of several lexemes count nothing: fewer expected, rather ranked all. Filters are not
 * counted: searchSuppliers ranks all when too few matches remain above the floor.
 */
async function boundFor(words: WordMatch[], any: boolean, bound: Bound): Promise<SearchPlan['bounded']> {
  const statistics = await loadSearchStatistics();
  const shares = words.map((m) => expectedShare(m.alternatives, statistics.lexemes));
  const sum = shares.reduce((a, b) => a + b, 0);
  const product = shares.reduce((a, b) => a * b, 1);
  const expected = statistics.companies * (any ? Math.min(1, sum) : product);
  if (!(expected >= bound.from)) return null;
  const floor = qualityFloorFor(statistics.quality, bound.candidates / expected);
  return floor === null ? null : { floor, candidates: bound.candidates };
}
