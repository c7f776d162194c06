import { listDistricts } from '../geo/districts';
import { sectorTitles, sectorTree, type SectorNode } from '../sectors/queries';
import { sidebarFacets } from './facets';
import { type Facets, type MapPoint, searchPoints, searchSuppliers, type SupplierResults } from './search';
import { type Audience, planSearch } from './search-plan';
import type { SupplierSearch } from './search-schema';

/** Markers a map can show and cluster without slowing the page or the browser down. */
export const MAP_POINT_CAP = 2_000;

export interface SearchView {
  results: SupplierResults;
  /** Every located match (not only the page's), up to MAP_POINT_CAP. */
  map: { points: MapPoint[]; capped: boolean };
  facets: Facets;
  sectors: SectorNode[];
  /** Titles of the WZ codes the results list. */
  sectorTitles: Record<string, string>;
  districts: { key: string; name: string; count: number }[];
}

/**
 * Everything the search pages show: results, counts per filter, the WZ tree and district names.
 * The search is planned once (synonyms, typos, whether all words match together) for all three.
 */
export async function loadSearchView(search: SupplierSearch, audience: Audience): Promise<SearchView> {
  const [plan, allDistricts] = await Promise.all([planSearch(search, audience), listDistricts()]);
  const [results, map, facets] = await Promise.all([
    searchSuppliers(search, audience, plan),
    searchPoints(search, audience, MAP_POINT_CAP, plan),
    sidebarFacets(search, audience, plan),
  ]);
  const [sectors, titles] = await Promise.all([sectorTree(facets.sectors), sectorTitles(results.results.flatMap((r) => r.sectors))]);
  const districts = allDistricts
    .map((d) => ({ ...d, count: facets.districts[d.key] ?? 0 }))
    .filter((d) => d.count > 0 || d.key === search.district);
  return { results, map, facets, sectors, sectorTitles: titles, districts };
}
