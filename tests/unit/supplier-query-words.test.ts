import { describe, expect, it } from 'vitest';
import {
  alternativeOf,
  anyOf,
  conjunctions,
  dropDeadAlternatives,
  prefixConjunction,
  prefixOperands,
  pruneAlternatives,
  pruneSubstrings,
  requiredWords,
  substringInVector,
  wordRole,
} from '@/lib/suppliers/query-words';

describe('query word alternatives', () => {
  it('turns a spelling into prefix operands and a folded compound substring', () => {
    expect(alternativeOf('Masken')).toEqual({ tsquery: 'Masken:*', substring: 'mask' });
    expect(alternativeOf('FFP2-Maske')).toEqual({ tsquery: 'FFP2:* & Maske:*', substring: 'ffp2-maske' });
    expect(alternativeOf('Öl')).toEqual({ tsquery: 'Öl:*', substring: 'oel' });
    expect(alternativeOf('8')).toEqual({ tsquery: '8:*', substring: null });
    expect(alternativeOf('--')).toBeNull();
  });

  it('reads prefix conjunctions and nothing else', () => {
    expect(prefixConjunction("'ffp2':* & 'mask':*")).toEqual(['ffp2', 'mask']);
    expect(prefixConjunction("'mund' <-> 'nase'")).toBeNull();
    expect(prefixOperands([["'ffp2':* & 'mask':*", "'mask':*"], ["'a''b':*"]])).toEqual(['ffp2', 'mask']);
  });

  it('drops an alternative implied by another of the same word when the query still marks its operands', () => {
    expect(pruneAlternatives([["'desinfektionsmittel':*", "'desinfektion':*", "'biozid':*"]])).toEqual([
      ["'desinfektion':*", "'biozid':*"],
    ]);
    // 'ffp2':* & 'mask':* implies 'ffp2':*, but only the second word also marks 'mask'.
    expect(pruneAlternatives([["'ffp2':*", "'ffp2':* & 'mask':*"]])).toEqual([["'ffp2':*", "'ffp2':* & 'mask':*"]]);
    expect(pruneAlternatives([["'ffp2':*", "'ffp2':* & 'mask':*"], ["'mask':*"]])).toEqual([["'ffp2':*"], ["'mask':*"]]);
    expect(pruneAlternatives([['', "'und':*"], ['']])).toEqual([["'und':*"], []]);
  });

  it('drops alternatives with dead operands but keeps each word its last one', () => {
    const words = [["'hygienemittel':*", "'desinfektion':*"], ["'glasflasch':*"]];
    expect(dropDeadAlternatives(words, new Set(['hygienemittel', 'glasflasch']))).toEqual([["'desinfektion':*"], ["'glasflasch':*"]]);
    expect(dropDeadAlternatives(words, new Set())).toBe(words);
  });

  it('keeps only substrings that no other one contains', () => {
    expect(pruneSubstrings(['desinfektionsmittel', 'desinfektio', 'biozid', 'biozid'])).toEqual(['desinfektio', 'biozid']);
  });

  it('ors a word’s alternatives into one tsquery', () => {
    expect(anyOf(["'mask':*", "'ffp2':* & 'mask':*"])).toBe("'mask':* | ( 'ffp2':* & 'mask':* )");
    expect(anyOf([])).toBe('');
  });
});

describe('word roles', () => {
  it('tells quantities, filler and product words apart', () => {
    const roles = (q: string) => q.split(' ').map(wordRole);
    expect(roles('Nitrilhandschuhe 50.000 Stück')).toEqual(['product', 'quantity', 'quantity']);
    expect(roles('Ethanol 500 Liter')).toEqual(['product', 'quantity', 'quantity']);
    expect(roles('Laserschneiden Edelstahl 8 mm 8mm 2,5')).toEqual(['product', 'product', 'quantity', 'quantity', 'quantity', 'quantity']);
    expect(roles('Gehäuse spritzgießen lassen')).toEqual(['product', 'product', 'filler']);
    expect(roles('Desinfektionsmittel dringend benötigt')).toEqual(['product', 'filler', 'filler']);
    expect(roles('FFP2 3D-Druck 3D ISO')).toEqual(['product', 'product', 'product', 'product']);
  });

  it('requires every word but quantities, unless there is nothing else', () => {
    const words = (...roles: ('product' | 'quantity' | 'filler')[]) => roles.map((role, i) => ({ role, i }));
    expect(requiredWords(words('product', 'quantity', 'filler')).map((w) => w.i)).toEqual([0, 2]);
    expect(requiredWords(words('quantity', 'quantity')).map((w) => w.i)).toEqual([0, 1]);
  });
});

describe('substringInVector', () => {
  const known = [
    { word: 'spritzgussteile', lexemes: ['spritzgussteil'] },
    { word: 'haendedesinfektion', lexemes: ['haendedesinfektion'] }, // PostgreSQL 15 stems it as written
    { word: 'instrumentendesinfektion', lexemes: ['instrumentendesinfektion'] },
  ];
  it('drops a substring only when the prefixes start every known word containing it', () => {
    expect(substringInVector('spritzguss', ['spritzguss'], known)).toBe(true);
    // Inside a compound no prefix starts: the substring search still finds more.
    expect(substringInVector('desinfektio', ['desinfektion', 'handedesinfektion'], known)).toBe(false);
    // No known word contains it: no company text does either.
    expect(substringInVector('beatmung', ['beatmung'], known)).toBe(true);
  });

  it('counts a folded umlaut word only when both of its spellings are started', () => {
    const hands = known.slice(1, 2);
    expect(substringInVector('haendedesinfektio', ['handedesinfektion'], hands)).toBe(false);
    expect(substringInVector('haendedesinfektio', ['haendedesinfektion'], hands)).toBe(false);
    expect(substringInVector('haendedesinfektio', ['handedesinfektion', 'haendedesinfektion'], hands)).toBe(true);
  });
});

describe('conjunctions', () => {
  it('spells "every word matches" as one way per word, the tsqueries of each way in one tsquery', () => {
    const words = [
      { tsquery: "'gehaus':*", substrings: ['gehaeus'] },
      { tsquery: "'spritzgiess':* | 'spritzguss':*", substrings: [] },
      { tsquery: "'lass':*", substrings: ['lass'] },
    ];
    expect(conjunctions(words, 8)).toEqual([
      { tsquery: "( 'gehaus':* ) & ( 'spritzgiess':* | 'spritzguss':* ) & ( 'lass':* )", substrings: [] },
      { tsquery: "( 'gehaus':* ) & ( 'spritzgiess':* | 'spritzguss':* )", substrings: ['lass'] },
      { tsquery: "( 'spritzgiess':* | 'spritzguss':* ) & ( 'lass':* )", substrings: ['gehaeus'] },
      { tsquery: "( 'spritzgiess':* | 'spritzguss':* )", substrings: ['gehaeus', 'lass'] },
    ]);
  });

  it('gives up beyond the limit, and finds no way when a word has none', () => {
    const word = { tsquery: "'a':*", substrings: ['aa', 'ab'] };
    expect(conjunctions([word, word], 9)).toHaveLength(9);
    expect(conjunctions([word, word], 8)).toBeNull();
    expect(conjunctions([word, { tsquery: '', substrings: [] }], 8)).toEqual([]);
  });
});
