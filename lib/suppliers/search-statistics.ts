import { sql } from 'drizzle-orm';
import { searchDb } from '../../db/client';
import { prefixConjunction } from './query-words';
import type { QualityStats } from './quality';

/**
 * PostgreSQL's statistics of the companies (pg_stats, from ANALYZE) that a search estimates its
 * matches with: how many companies, the share of companies holding each common lexeme of
 * search_vector, and the distribution of search_quality.
 */
export interface SearchStatistics {
  companies: number;
  lexemes: { lexeme: string; share: number }[];
  quality: QualityStats;
}

/**
 * They change only with ANALYZE (autovacuum, after many writes), so each instance reads them at
 * most every 30 s: reading them cost 9–16 ms of every text search at 1,000,000 companies.
 */
const CACHE_MS = 30_000;
let cached: { at: number; statistics: Promise<SearchStatistics> } | undefined;

export function loadSearchStatistics(): Promise<SearchStatistics> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.statistics;
  const statistics = readStatistics();
  cached = { at: Date.now(), statistics };
  // A failed read is not kept: the next search asks again.
  statistics.catch(() => {
    if (cached?.statistics === statistics) cached = undefined;
  });
  return statistics;
}

async function readStatistics(): Promise<SearchStatistics> {
  const stats = (column: string) =>
    sql`from pg_stats where schemaname = current_schema() and tablename = 'companies' and attname = ${column}`;
  const [row] = await searchDb
    .select({
      companies: sql<number>`(select reltuples from pg_class where oid = 'companies'::regclass)`,
      lexemes: sql<string[] | null>`(select most_common_elems::text::text[] ${stats('search_vector')})`,
      // One share per lexeme, then summary figures (minimum, maximum, nulls) that belong to none.
      lexemeShares: sql<number[] | null>`(select most_common_elem_freqs ${stats('search_vector')})`,
      values: sql<number[] | null>`(select most_common_vals::text::real[] ${stats('search_quality')})`,
      shares: sql<number[] | null>`(select most_common_freqs ${stats('search_quality')})`,
      bounds: sql<number[] | null>`(select histogram_bounds::text::real[] ${stats('search_quality')})`,
    })
    .from(sql`(select 1) as one`);
  const numbers = (list: number[] | null | undefined) => (list ?? []).map(Number);
  const shares = numbers(row?.lexemeShares);
  return {
    // -1 before the first ANALYZE or VACUUM.
    companies: Math.max(0, Number(row?.companies ?? 0)),
    lexemes: (row?.lexemes ?? []).map((lexeme, i) => ({ lexeme, share: shares[i] ?? 0 })),
    quality: { values: numbers(row?.values), shares: numbers(row?.shares), bounds: numbers(row?.bounds) },
  };
}

/**
 * The share of companies expected to hold a word: the shares of the common lexemes that any of
 * its normalized alternatives matches on its own, summed (at most 1). An alternative matches a
 * lexeme when each of its prefix operands starts it; a phrase or anything else counts nothing,
 * so that fewer matches are expected and all are rather ranked.
 */
export function expectedShare(alternatives: string[], lexemes: SearchStatistics['lexemes']): number {
  const conjunctions = alternatives.flatMap((q) => {
    const operands = prefixConjunction(q);
    return operands ? [operands] : [];
  });
  const share = lexemes.reduce(
    (sum, { lexeme, share }) => (conjunctions.some((operands) => operands.every((o) => lexeme.startsWith(o))) ? sum + share : sum),
    0,
  );
  return Math.min(1, share);
}
