import { and, asc, between, desc, sql } from 'drizzle-orm';
import { searchDb } from '../../db/client';
import { sectors } from '../../db/schema';
import type { WordRole } from './query-words';
import { similarWords } from './search-plan';

export interface SearchSuggestions {
  /** Known words spelled like the query's words (folded, as search_words keeps them). */
  words: string[];
  /** WZ sectors whose titles come nearest the query's words. */
  sectors: { code: string; title: string }[];
}

/** Looser than the typo tolerance that already ran: these are offered, not searched. */
const SUGGESTION_MIN_SCORE = 0.3;
const SECTOR_MIN_SCORE = 0.4;
const MAX_SECTORS = 3;
/**
 * Divisions, groups and classes: a section ("C – Verarbeitendes Gewerbe") helps nobody narrow
 * down, and a subclass mostly repeats its class's title.
 */
const SECTOR_LEVELS = [2, 4] as const;

/** What to offer when no word of a search matches anything. */
export async function suggestFor(words: { word: string; role: WordRole }[]): Promise<SearchSuggestions> {
  const sought = words.filter((w) => w.role !== 'quantity').map((w) => w.word.toLocaleLowerCase('de'));
  if (sought.length === 0) return { words: [], sectors: [] };
  const [similar, nearest] = await Promise.all([
    Promise.all(sought.map((word) => similarWords(word, { minScore: SUGGESTION_MIN_SCORE }))),
    nearestSectors(sought),
  ]);
  return { words: [...new Set(similar.flat())], sectors: nearest };
}

/** The sectors whose titles contain something most like one of the words (the sectors table is small). */
async function nearestSectors(words: string[]) {
  const closeness = sql<number>`(select max(word_similarity(w, lower(${sectors.title}))) from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) as w)`;
  return searchDb
    .select({ code: sectors.code, title: sectors.title })
    .from(sectors)
    .where(and(between(sectors.level, ...SECTOR_LEVELS), sql`${closeness} >= ${sql.raw(String(SECTOR_MIN_SCORE))}`))
    .orderBy(desc(closeness), asc(sectors.code))
    .limit(MAX_SECTORS);
}
