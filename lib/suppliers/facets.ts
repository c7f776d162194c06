import { eq, type SQL, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies } from '../../db/schema';
import { type Audience, type Facets, searchCompanyIds } from './search';
import type { SupplierSearch } from './search-schema';

interface FacetRow {
  sectorPaths: string[];
  districtKey: string | null;
  kind: string;
  certifications: string[];
  sizeClass: string | null;
}

type Dimension = 'sector' | 'district' | 'certification' | 'kind' | 'size';

const matches: Record<Dimension, (row: FacetRow, value: string) => boolean> = {
  sector: (row, value) => row.sectorPaths.includes(value),
  district: (row, value) => row.districtKey === value,
  certification: (row, value) => row.certifications.includes(value),
  kind: (row, value) => row.kind === value,
  size: (row, value) => row.sizeClass === value,
};

const valuesOf: Record<Dimension, (row: FacetRow) => (string | null)[]> = {
  sector: (row) => row.sectorPaths,
  district: (row) => [row.districtKey],
  certification: (row) => row.certifications,
  kind: (row) => [row.kind],
  size: (row) => [row.sizeClass],
};

/** The companies the text and distance part of a search matches, with the columns the filters look at. */
async function candidates(params: SupplierSearch, audience: Audience): Promise<FacetRow[]> {
  const columns = {
    sectorPaths: companies.sectorPaths,
    districtKey: companies.districtKey,
    kind: companies.kind,
    certifications: companies.certifications,
    sizeClass: companies.sizeClass,
  };
  const needsSearch = Boolean(params.q?.trim()) || Boolean(params.near && params.radius_km);
  let where: SQL | undefined = audience === 'public' ? eq(companies.publicListing, true) : undefined;
  if (needsSearch) {
    const base = { ...params, sector: undefined, district: undefined, certification: undefined, kind: undefined, size: undefined };
    const ids = await searchCompanyIds(base, audience);
    if (ids.length === 0) return [];
    // One text parameter, however many ids.
    where = sql`${companies.id} = any(string_to_array(${ids.join(',')}, ',')::int[])`;
  }
  return db.select(columns).from(companies).where(where);
}

/**
 * Facet counts for the filter sidebar. Each dimension is counted over the matches of every
 * other filter but not its own, so a chosen district still shows its neighbours with counts
 * (the usual drill-down). The expensive text and distance match runs once; the filters are
 * applied to its rows here.
 */
export async function sidebarFacets(params: SupplierSearch, audience: Audience): Promise<Facets> {
  const rows = await candidates(params, audience);
  const chosen = (Object.keys(matches) as Dimension[]).filter((d) => params[d] !== undefined);
  const count = (dimension: Dimension): Record<string, number> => {
    const others = chosen.filter((d) => d !== dimension);
    const counts: Record<string, number> = {};
    for (const row of rows) {
      if (!others.every((d) => matches[d](row, params[d] as string))) continue;
      for (const value of new Set(valuesOf[dimension](row))) if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
    }
    return counts;
  };
  return {
    sectors: count('sector'),
    districts: count('district'),
    certifications: count('certification'),
    kinds: count('kind'),
    sizes: count('size'),
  };
}
