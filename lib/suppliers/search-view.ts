import { listDistricts } from '../geo/districts';
import { sectorTitles, sectorTree, type SectorNode } from '../sectors/queries';
import { sidebarFacets } from './facets';
import { type Audience, type Facets, searchSuppliers, type SupplierResults } from './search';
import type { SupplierSearch } from './search-schema';

export interface SearchView {
  results: SupplierResults;
  facets: Facets;
  sectors: SectorNode[];
  /** Titles of the WZ codes the results list. */
  sectorTitles: Record<string, string>;
  districts: { key: string; name: string; count: number }[];
}

/** Everything the search pages show: results, counts per filter, the WZ tree and district names. */
export async function loadSearchView(search: SupplierSearch, audience: Audience): Promise<SearchView> {
  const [results, facets, allDistricts] = await Promise.all([
    searchSuppliers(search, audience),
    sidebarFacets(search, audience),
    listDistricts(),
  ]);
  const [sectors, titles] = await Promise.all([
    sectorTree(facets.sectors),
    sectorTitles(results.results.flatMap((r) => r.sectors)),
  ]);
  const districts = allDistricts
    .map((d) => ({ ...d, count: facets.districts[d.key] ?? 0 }))
    .filter((d) => d.count > 0 || d.key === search.district);
  return { results, facets, sectors, sectorTitles: titles, districts };
}
