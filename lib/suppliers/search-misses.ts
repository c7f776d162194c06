import { sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { supplierSearchMisses } from '../../db/schema';
import { berlinDate } from '../time';
import { requiredWords, wordRole } from './query-words';
import type { SupplierSearch } from './search-schema';
import { fold, queryWords } from './text';

/** Longer terms are typed sentences, not a need; they still count, cut. */
const MAX_TERM = 120;

/**
 * A query as the search understands it, for counting: its words folded (lower case, umlauts
 * spelled out), without amounts and filler words ("dringend", "gesucht") unless nothing else is
 * left, each once and sorted, so "FFP2 Masken" and "masken ffp2" count as one term.
 */
export function missTerm(query: string): string | null {
  const words = queryWords(query).map((word) => ({ word: fold(word), role: wordRole(word) }));
  const named = requiredWords(words).filter((w) => w.role === 'product');
  const kept = (named.length > 0 ? named : words).map((w) => w.word);
  const term = [...new Set(kept)].sort().join(' ').slice(0, MAX_TERM).trim();
  return term === '' ? null : term;
}

/**
 * Whether a staff search found nothing for what an expert typed. Searches narrowed by a filter
 * are left out: there the filter, not missing supply, may be why nothing matched.
 */
export function isSearchMiss(search: SupplierSearch, total: number): boolean {
  const narrowed =
    search.sector || search.district || search.certification || search.kind || search.size || search.radius_km || search.verified;
  return total === 0 && Boolean(search.q) && !narrowed;
}

/**
 * Counts a staff search that found nothing, per day (German time) and term. Only the term and a
 * count are kept: no user, no case, nothing about a requester.
 */
export async function recordSearchMiss(query: string, now = new Date()): Promise<void> {
  const term = missTerm(query);
  if (!term) return;
  await db
    .insert(supplierSearchMisses)
    .values({ day: berlinDate(now), term, searches: 1 })
    .onConflictDoUpdate({
      target: [supplierSearchMisses.day, supplierSearchMisses.term],
      set: { searches: sql`${supplierSearchMisses.searches} + 1` },
    });
}
