import { and, type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { searchDb } from '../../db/client';
import { companies } from '../../db/schema';
import type { Facets } from './search';
import { type Audience, DIMENSIONS, type Dimension, planSearch, type SearchPlan } from './search-plan';
import type { SupplierSearch } from './search-schema';

/** Each dimension's column, and where its counts go in Facets. */
const COUNTED: Record<Dimension, { column: AnyColumn; facet: keyof Facets }> = {
  sector: { column: companies.sectorPaths, facet: 'sectors' },
  district: { column: companies.districtKey, facet: 'districts' },
  certification: { column: companies.certifications, facet: 'certifications' },
  kind: { column: companies.kind, facet: 'kinds' },
  size: { column: companies.sizeClass, facet: 'sizes' },
};

const ALL_BITS = 2 ** DIMENSIONS.length - 1;

/**
 * Facet counts for the filter sidebar. Each dimension is counted over the matches of every
 * other filter but not its own, so a chosen district still shows its neighbours with counts
 * (the usual drill-down). One statement, one pass over what the text and distance match (for
 * filters alone, an index-only scan of companies_name_filters_idx): GROUPING SETS group the rows
 * by each dimension at once, and each dimension's count skips the rows its own filter would
 * drop. The array columns (sectors with their ancestors, certifications) are grouped as whole
 * arrays, of which there are few, and only then split into values.
 */
export async function sidebarFacets(params: SupplierSearch, audience: Audience, plan?: SearchPlan): Promise<Facets> {
  const rows = await sidebarFacetsQuery(plan ?? (await planSearch(params, audience))).statement;
  const facets: Facets = { sectors: {}, districts: {}, kinds: {}, certifications: {}, sizes: {} };
  for (const row of rows) {
    const dimension = DIMENSIONS.find((_, i) => Number(row.set) === ALL_BITS - 2 ** (DIMENSIONS.length - 1 - i))!;
    const n = Number(row[`n_${dimension}`]);
    const value = row[dimension];
    if (n === 0 || value === null) continue;
    const counts = facets[COUNTED[dimension].facet];
    for (const v of Array.isArray(value) ? value : [value]) counts[v] = (counts[v] ?? 0) + n;
  }
  return facets;
}

/** The statement behind sidebarFacets, built but not run (scripts/bench-suppliers.ts explains it). */
export function sidebarFacetsQuery(plan: SearchPlan) {
  const { base, dimensions: chosen } = plan;
  const countWithout = (dimension: Dimension): SQL<string> => {
    const others = DIMENSIONS.filter((d) => d !== dimension).flatMap((d) => chosen[d] ?? []);
    return others.length > 0 ? sql<string>`count(*) filter (where ${and(...others)})` : sql<string>`count(*)`;
  };
  // A row that two chosen filters drop counts nowhere.
  const filters = Object.values(chosen);
  const relevant =
    filters.length > 1
      ? sql`(${sql.join(
          filters.map((f) => sql`((${f}) is not true)::int`),
          sql` + `,
        )}) <= 1`
      : undefined;
  const columns = DIMENSIONS.map((d) => COUNTED[d].column);
  const statement = searchDb
    .select({
      // One bit per dimension, the first one highest; 0 where the row's set groups by it.
      set: sql<number>`grouping(${sql.join(columns, sql`, `)})`,
      sector: companies.sectorPaths,
      district: companies.districtKey,
      certification: companies.certifications,
      kind: companies.kind,
      size: companies.sizeClass,
      ...(Object.fromEntries(DIMENSIONS.map((d) => [`n_${d}`, countWithout(d)])) as Record<`n_${Dimension}`, SQL<string>>),
    })
    .from(companies)
    .where(and(base, relevant))
    .groupBy(
      sql`grouping sets (${sql.join(
        columns.map((c) => sql`(${c})`),
        sql`, `,
      )})`,
    );
  // Wrapped: awaiting the query itself would run it.
  return { statement };
}
