import { db, type Executor } from '../../db/client';
import { sectors } from '../../db/schema';

export interface SectorInfo {
  code: string;
  level: number;
  section: string;
  parentCode: string | null;
  title: string;
}

let cache: Promise<Map<string, SectorInfo>> | undefined;

/**
 * The WZ taxonomy by code. Reference data, loaded once per process. Inside a transaction pass
 * it in: PGlite has one connection, so a query on `db` would wait for the transaction forever.
 */
export function sectorIndex(executor: Executor = db): Promise<Map<string, SectorInfo>> {
  cache ??= executor
    .select()
    .from(sectors)
    .then((rows) => new Map(rows.map((r) => [r.code, r])))
    .catch((error) => {
      cache = undefined;
      throw error;
    });
  return cache;
}

/** A code with all its ancestors: "32.50" → ["C", "32", "32.5", "32.50"]. Unknown codes yield []. */
export function sectorPath(index: Map<string, SectorInfo>, code: string): string[] {
  const path: string[] = [];
  let current = index.get(code);
  while (current) {
    path.unshift(current.code);
    current = current.parentCode ? index.get(current.parentCode) : undefined;
  }
  return path;
}
