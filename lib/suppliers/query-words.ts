import { fold, stem } from './text';

/**
 * The pure half of supplier search planning: how a query word becomes tsquery and substring
 * alternatives, which alternatives are redundant, and what part a word plays in the query.
 * No database here (lib/suppliers/search-plan.ts runs the lookups), so it is unit-tested alone.
 */

/** Letters and digits only: safe inside to_tsquery. */
export const lexemes = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** One spelling of a query word: a synonym, the word itself or a similar known word. */
export interface Alternative {
  /** Input for to_tsquery('german', …): every part as a prefix, "FFP2:* & Maske:*". */
  tsquery: string;
  /** Folded substring searched inside compounds (search_text), when 3+ letters long. */
  substring: string | null;
}

/** Shorter substrings match nearly every text (and the trigram index cannot help). */
const MIN_SUBSTRING = 3;

export function alternativeOf(text: string): Alternative | null {
  const parts = lexemes(text);
  if (parts.length === 0) return null;
  const folded = fold(parts.join(parts.length > 1 ? '-' : ''));
  const substring = parts.length > 1 ? folded : stem(fold(parts[parts.length - 1]!));
  return { tsquery: parts.map((part) => `${part}:*`).join(' & '), substring: substring.length >= MIN_SUBSTRING ? substring : null };
}

/** `'ffp2':* & 'mask':*` → ["ffp2", "mask"]; null unless it is prefix lexemes joined by &. */
export function prefixConjunction(normalized: string): string[] | null {
  const operands = normalized.split(' & ').map((part) => /^'((?:[^']|'')+)':\*$/.exec(part)?.[1]);
  return operands.every((o): o is string => o !== undefined) ? operands : null;
}

/**
 * Each word's normalized alternatives without redundant ones, for less ranking work on every
 * matching row (it grows with the number of operands). An alternative C goes when
 * - another alternative D of the same word is implied by it (each operand of D is a prefix of
 *   one of C's: 'desinfektionsmittel':* implies 'desinfektion':*, and 'ffp2':* & 'mask':*
 *   implies 'ffp2':*), so the word matches the same rows without it, and
 * - each of C's operands has a prefix among the operands kept anywhere in the query, so every
 *   tsvector entry and position C matched is still matched by the query.
 * The matches stay the same; the ranking no longer counts a word's occurrences twice.
 * Stop-word-only alternatives ('') go, as to_tsquery drops them; anything else (phrases) stays.
 */
export function pruneAlternatives(words: string[][]): string[][] {
  const kept = words.map((alternatives) =>
    [...new Set(alternatives.filter((q) => q !== ''))].map((q) => ({ q, operands: prefixConjunction(q) })),
  );
  for (const alternatives of kept) {
    for (const candidate of [...alternatives]) {
      const c = candidate.operands;
      if (!c) continue;
      const implied = alternatives.some((d) => d !== candidate && d.operands?.every((o) => c.some((x) => x.startsWith(o))));
      const covered = c.every((x) => kept.some((list) => list.some((a) => a !== candidate && a.operands?.some((o) => x.startsWith(o)))));
      if (implied && covered) alternatives.splice(alternatives.indexOf(candidate), 1);
    }
  }
  return kept.map((alternatives) => alternatives.map((a) => a.q));
}

/**
 * Drops the alternatives with a `dead` operand (one that starts no lexeme of the data): they
 * cannot add a match, but the ranking pays for every operand on every matching row. An
 * alternative stays while its other operands mark positions nothing else in the query marks,
 * and a word keeps its last alternative, so that the ranked query's "&" stays as it was.
 */
export function dropDeadAlternatives(words: string[][], dead: ReadonlySet<string>): string[][] {
  if (dead.size === 0) return words;
  const kept = words.map((alternatives) => alternatives.map((q) => ({ q, operands: prefixConjunction(q) })));
  for (const alternatives of kept) {
    for (const candidate of [...alternatives]) {
      const c = candidate.operands;
      if (!c?.some((o) => dead.has(o)) || alternatives.filter((a) => a.q !== '').length === 1) continue;
      const covered = c.every(
        (x) => dead.has(x) || kept.some((list) => list.some((a) => a !== candidate && a.operands?.some((o) => x.startsWith(o)))),
      );
      if (covered) alternatives.splice(alternatives.indexOf(candidate), 1);
    }
  }
  return kept.map((alternatives) => alternatives.map((a) => a.q));
}

/** The prefix operands worth checking against the data's lexemes. */
export function prefixOperands(words: string[][]): string[] {
  return [...new Set(words.flat().flatMap((q) => prefixConjunction(q) ?? []))].filter((o) => /^[\p{L}\p{N}]+$/u.test(o));
}

/** Substrings without those containing another one: `like '%desinfektio%'` already finds them. */
export function pruneSubstrings(substrings: string[]): string[] {
  const distinct = [...new Set(substrings)];
  return distinct.filter((s) => !distinct.some((other) => other !== s && s.includes(other)));
}

/** A lexeme of a folded word with "ae", "oe", "ue" written as the stemmer writes "ä", "ö", "ü". */
const collapseUmlauts = (lexeme: string) => lexeme.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');

/**
 * Whether `like '%substring%'` on search_text finds nothing the prefixes do not find: every
 * known word (folded, with its lexemes) containing the substring has a lexeme one of the
 * prefixes starts, in both spellings of its umlauts. A folded "haendedesinfektion" may stand
 * for "Händedesinfektion" (lexeme "handedesinfektion") or "Haendedesinfektion" (PostgreSQL 15:
 * lexeme "haendedesinfektion"; 18 writes "hande…" for both), so only both count.
 */
export function substringInVector(substring: string, prefixes: string[], known: { word: string; lexemes: string[] }[]): boolean {
  const started = (lexeme: string) => prefixes.some((prefix) => lexeme.startsWith(prefix));
  return known
    .filter((k) => k.word.includes(substring))
    .every((k) => k.lexemes.some((lexeme) => started(lexeme) && started(collapseUmlauts(lexeme))));
}

/** One way for words to match together: a tsquery conjunction ('' for none) and substrings, all required. */
export interface Conjunction {
  tsquery: string;
  substrings: string[];
}

/**
 * "Every word matches" as a disjunction of conjunctions: each picks one way per word, its
 * tsquery or one of its substrings. The tsqueries of a conjunction go into one tsquery, which
 * the GIN index intersects itself. null when there would be more than `max` of them.
 */
export function conjunctions(words: { tsquery: string; substrings: string[] }[], max: number): Conjunction[] | null {
  let terms: Conjunction[] = [{ tsquery: '', substrings: [] }];
  for (const { tsquery, substrings } of words) {
    const ways = [...(tsquery ? [{ tsquery }] : []), ...substrings.map((substring) => ({ substring }))];
    if (terms.length * ways.length > max) return null;
    terms = terms.flatMap((term) =>
      ways.map((way) =>
        'tsquery' in way
          ? { ...term, tsquery: term.tsquery ? `${term.tsquery} & ( ${way.tsquery} )` : `( ${way.tsquery} )` }
          : { ...term, substrings: [...term.substrings, way.substring] },
      ),
    );
  }
  return terms;
}

/** A word's normalized alternatives as one tsquery ('' when there are none). */
export function anyOf(tsqueries: string[]): string {
  return tsqueries.map((q) => (/^'[^']*':\*$/.test(q) ? q : `( ${q} )`)).join(' | ');
}

/**
 * What a query word says about the need:
 * - product: what is sought ("Nitrilhandschuhe", "Edelstahl", "FFP2");
 * - filler: how it is asked for ("dringend", "gesucht", "lassen"), weighs little;
 * - quantity: amounts and units ("50.000", "Stück", "8 mm"); never required.
 */
export type WordRole = 'product' | 'quantity' | 'filler';

/** How much covering a word of each role counts when not every word can match. */
export const ROLE_WEIGHT: Record<WordRole, number> = { product: 1, filler: 0.3, quantity: 0.2 };

const UNITS = new Set(
  [
    'stück',
    'stk',
    'st',
    'stck',
    'pcs',
    'x',
    'paar',
    'pack',
    'packung',
    'packungen',
    'einheiten',
    'palette',
    'paletten',
    'l',
    'liter',
    'ml',
    'hl',
    'kg',
    'g',
    'gramm',
    't',
    'tonne',
    'tonnen',
    'mm',
    'cm',
    'm',
    'meter',
    'km',
    'qm',
    'm2',
    'm²',
    'm3',
    'm³',
    'kubikmeter',
    'quadratmeter',
    'kw',
    'kwh',
    'mw',
    'v',
    'w',
    'bar',
    'stunden',
    'std',
    'tage',
    'wochen',
    'monate',
    'prozent',
  ].map(fold),
);
const FILLER = new Set(
  [
    'lassen',
    'dringend',
    'dringendst',
    'benötigt',
    'benötigen',
    'gesucht',
    'suche',
    'suchen',
    'sucht',
    'brauche',
    'brauchen',
    'gebraucht',
    'bitte',
    'schnell',
    'sofort',
    'kurzfristig',
    'zeitnah',
    'möglichst',
    'günstig',
    'regional',
    'gerne',
    'ca',
    'circa',
    'etwa',
    'mindestens',
    'ab',
    'pro',
    'je',
    'anbieter',
    'lieferant',
    'lieferanten',
    'firma',
    'firmen',
    'partner',
    'bedarf',
    'anfrage',
    'kaufen',
    'bestellen',
    'liefern',
    'herstellen',
    'anfertigen',
    'fertigen',
    'produzieren',
    'beziehen',
    'menge',
    'mengen',
    'großmenge',
    'großmengen',
    'monatlich',
    'wöchentlich',
    'jährlich',
    'laufend',
    'neu',
    'hilfe',
    'wer',
    'kann',
    'gibt',
    'es',
    'jemand',
    'thüringen',
  ].map(fold),
);
/** "50.000", "8", "2,5", "500l", "8mm", "3x": a number, maybe with a unit attached. */
const AMOUNT = /^\d+(?:[.,/x-]\d+)*(?:[a-z²³]{1,3})?$/;

export function wordRole(word: string): WordRole {
  const folded = fold(word);
  if (AMOUNT.test(folded) && (!/[a-z²³]$/.test(folded) || UNITS.has(folded.replace(/^[\d.,/x-]+/, '')))) return 'quantity';
  if (UNITS.has(folded)) return 'quantity';
  if (FILLER.has(folded)) return 'filler';
  return 'product';
}

/**
 * The words a result has to contain when all of them can match together: all but quantities,
 * unless the query is nothing but quantities ("500 Liter" still searches).
 */
export function requiredWords<T extends { role: WordRole }>(words: T[]): T[] {
  const named = words.filter((w) => w.role !== 'quantity');
  return named.length > 0 ? named : words;
}
