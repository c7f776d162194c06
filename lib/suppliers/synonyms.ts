import { asc, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { synonymGroups } from '../../db/schema';
import { fold, stem } from './text';

const CACHE_MS = 30_000;
let cached: { at: number; groups: string[][] } | undefined;

/** Synonym groups, re-read at most every 30 s so every instance sees admin edits soon. */
export async function loadSynonymGroups(): Promise<string[][]> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.groups;
  const rows = await db.select({ terms: synonymGroups.terms }).from(synonymGroups).orderBy(asc(synonymGroups.id));
  cached = { at: Date.now(), groups: rows.map((r) => r.terms) };
  return cached.groups;
}

export function forgetSynonymCache() {
  cached = undefined;
}

/** A word and every term that shares a synonym group with it (matched by stem, umlaut-folded). */
export function expandWord(word: string, groups: string[][]): string[] {
  const key = stem(fold(word));
  const alternatives = new Set([word]);
  for (const group of groups) {
    if (group.some((term) => stem(fold(term)) === key)) for (const term of group) alternatives.add(term);
  }
  return [...alternatives];
}

export async function listSynonymGroups() {
  return db.select().from(synonymGroups).orderBy(asc(synonymGroups.id));
}

/** Replaces all groups at once (the admin edits them as one text, a group per line). */
export async function replaceSynonymGroups(groups: string[][]) {
  await db.transaction(async (tx) => {
    await tx.delete(synonymGroups).where(eq(synonymGroups.id, synonymGroups.id));
    if (groups.length > 0) await tx.insert(synonymGroups).values(groups.map((terms) => ({ terms })));
  });
  forgetSynonymCache();
}
