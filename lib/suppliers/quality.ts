import type { CompanyInput } from './schema';

/**
 * How complete a company's entry is, 0…1, whatever is searched: capabilities (up to five),
 * description (up to 600 characters), any certification, listed publicly. A broad search ranks
 * only the matches with the highest (search-plan.ts, boundFor). Migration 0023 computes the
 * same for the rows it found; keep both in step.
 */
export function searchQualityOf(company: Pick<CompanyInput, 'capabilities' | 'description' | 'certifications' | 'publicListing'>): number {
  return (
    0.4 * (Math.min(company.capabilities.length, 5) / 5) +
    0.3 * (Math.min([...company.description].length, 600) / 600) +
    (company.certifications.length > 0 ? 0.15 : 0) +
    (company.publicListing ? 0.15 : 0)
  );
}

/** PostgreSQL's statistics of search_quality (pg_stats): common values with their shares, histogram bounds of the rest. */
export interface QualityStats {
  values: number[];
  shares: number[];
  bounds: number[];
}

/**
 * The highest search_quality with at least `share` of the companies at or above it, by the
 * statistics (a histogram bucket counts when it lies wholly at or above); null when none.
 */
export function qualityFloorFor({ values, shares, bounds }: QualityStats, share: number): number | null {
  const rest = 1 - shares.reduce((a, b) => a + b, 0);
  const buckets = bounds.length - 1;
  const above = (floor: number) =>
    values.reduce((sum, value, i) => (value >= floor ? sum + shares[i]! : sum), 0) +
    (buckets > 0 ? (rest * bounds.slice(0, -1).filter((lower) => lower >= floor).length) / buckets : 0);
  return [...values, ...bounds].sort((a, b) => b - a).find((floor) => above(floor) >= share) ?? null;
}
