import { queueFilterSchema, type QueueFilter } from './schema';

const DEFAULTS = queueFilterSchema.parse({});

/** The queue URL for `filter` with `changes` applied; defaults are left out to keep links short. */
export function queueHref(filter: QueueFilter, changes: Partial<QueueFilter> = {}): string {
  const next = { ...filter, ...changes };
  // Any change other than paging starts again on page 1.
  if (!('page' in changes)) next.page = 1;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === null || value === '') continue;
    if (value === DEFAULTS[key as keyof QueueFilter]) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/cases?${query}` : '/cases';
}

/** Clicking a column header sorts by it; clicking it again reverses the direction. */
export function sortHref(filter: QueueFilter, sort: QueueFilter['sort']): string {
  const dir = filter.sort === sort && filter.dir === 'desc' ? 'asc' : 'desc';
  return queueHref(filter, { sort, dir });
}
