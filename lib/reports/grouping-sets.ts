import { sql, type SQL } from 'drizzle-orm';

/**
 * Several breakdowns of the same rows in one scan: `GROUP BY GROUPING SETS`, with each result
 * row telling which set it belongs to. `dimensions` names the grouping expressions; each set
 * lists the dimensions it groups by.
 */
export function groupingSets<D extends string, S extends string>(dimensions: Record<D, SQL>, sets: Record<S, readonly D[]>) {
  const names = Object.keys(dimensions) as D[];
  // grouping(a, b, c) has one bit per argument, the first the most significant, set when the
  // row is NOT grouped by that argument.
  const bitsOf = (set: readonly D[]) => names.reduce((bits, name) => bits * 2 + (set.includes(name) ? 0 : 1), 0);
  const setByBits = new Map((Object.keys(sets) as S[]).map((set) => [bitsOf(sets[set]), set]));
  const list = (items: SQL[]) => sql.join(items, sql`, `);
  return {
    /** Select this as a column; `setOf` turns its value into the set's name. */
    grouping: sql<number>`grouping(${list(names.map((n) => dimensions[n]))})`.mapWith(Number),
    groupBy: sql`grouping sets (${list((Object.values(sets) as D[][]).map((set) => sql`(${list(set.map((n) => dimensions[n]))})`))})`,
    setOf: (grouping: number): S | undefined => setByBits.get(grouping),
  };
}
