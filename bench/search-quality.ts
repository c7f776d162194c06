import { INDUSTRY_PROFILES } from '../lib/seed/company-profiles';
import { QUALITY_QUERIES, type QualityQuery } from './search-quality-queries';

/** nDCG at this depth: what a requester reads of the first page. */
export const QUALITY_DEPTH = 10;

export interface JudgedCompany {
  sectors: readonly string[];
  capabilities: readonly string[];
}

/** The WZ class each demo capability is listed under. */
const CLASS_OF = new Map(INDUSTRY_PROFILES.flatMap((p) => p.sectors.flatMap((s) => s.capabilities.map((c) => [c, s.code] as const))));

export function classOf(capability: string): string | undefined {
  return CLASS_OF.get(capability);
}

/** 2: offers a sought capability; 1: works in its WZ class (or a related one); 0: neither. */
export function grade(company: JudgedCompany, query: QualityQuery): number {
  if (company.capabilities.some((c) => query.relevant.includes(c))) return 2;
  const classes = new Set([...query.relevant.flatMap((c) => CLASS_OF.get(c) ?? []), ...(query.related ?? [])]);
  return company.sectors.some((s) => classes.has(s)) ? 1 : 0;
}

const dcg = (grades: number[]) => grades.slice(0, QUALITY_DEPTH).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

/** nDCG@10 of a ranking's grades against the best ranking of all grades (0 when nothing is relevant). */
export function ndcg(ranked: number[], all: number[]): number {
  const ideal = dcg([...all].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}

export interface QualityResult {
  q: string;
  ndcg: number;
  total: number;
}

/**
 * nDCG@10 of every query of the set, with `search` returning the ranked ids of the first page
 * and the total, over `companies` (every company of the database, by id).
 */
export async function measureQuality(
  search: (q: string) => Promise<{ ids: number[]; total: number }>,
  companies: ReadonlyMap<number, JudgedCompany>,
): Promise<{ queries: QualityResult[]; mean: number; zero: number }> {
  const queries: QualityResult[] = [];
  for (const query of QUALITY_QUERIES) {
    const { ids, total } = await search(query.q);
    const all = [...companies.values()].map((c) => grade(c, query));
    const ranked = ids.map((id) => (companies.has(id) ? grade(companies.get(id)!, query) : 0));
    queries.push({ q: query.q, ndcg: ndcg(ranked, all), total });
  }
  return { queries, mean: queries.reduce((s, r) => s + r.ndcg, 0) / queries.length, zero: queries.filter((r) => r.total === 0).length };
}
