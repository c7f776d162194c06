import { describe, expect, it } from 'vitest';
import {
  alternativeOf,
  anyOf,
  dropDeadAlternatives,
  prefixConjunction,
  prefixOperands,
  pruneAlternatives,
  pruneSubstrings,
  requiredWords,
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
