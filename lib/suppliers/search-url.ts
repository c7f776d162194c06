import type { SupplierSearch } from './search-schema';

/** Page state beyond the search itself: the case whose location is the origin, the staff's compact list. */
export type SearchState = SupplierSearch & { case?: number; layout?: 'list' };

const ORDER = [
  'q',
  'near',
  'case',
  'radius_km',
  'sector',
  'district',
  'certification',
  'kind',
  'size',
  'verified',
  'layout',
  'limit',
  'offset',
] as const;
const DEFAULTS: Partial<Record<(typeof ORDER)[number], unknown>> = { limit: 20, offset: 0 };

/** The query string for a search (without defaults), e.g. for links and the CSV export. */
export function searchQuery(state: SearchState, changes: Partial<SearchState> = {}): string {
  const next = { ...state, ...changes };
  const query = new URLSearchParams();
  for (const key of ORDER) {
    const value = next[key];
    if (value === undefined || value === null || value === '' || DEFAULTS[key] === value) continue;
    query.set(key, String(value));
  }
  return query.toString();
}

/** A link to `path` with the search, changed by `changes`; a new filter starts at the first page. */
export function searchHref(path: string, state: SearchState, changes: Partial<SearchState> = {}): string {
  const resetsPage = !('offset' in changes);
  const query = searchQuery(state, resetsPage ? { ...changes, offset: 0 } : changes);
  return query ? `${path}?${query}` : path;
}
