import { describe, expect, it } from 'vitest';
import { expectedShare } from '@/lib/suppliers/search-statistics';

describe('expectedShare', () => {
  const lexemes = [
    { lexeme: 'mask', share: 0.05 },
    { lexeme: 'maskenproduktion', share: 0.01 },
    { lexeme: 'ffp2', share: 0.02 },
    { lexeme: 'klinik', share: 0.04 },
    { lexeme: 'atemschutzmask', share: 0.03 },
  ];

  it('sums the shares of the lexemes any alternative starts', () => {
    expect(expectedShare(["'mask':*"], lexemes)).toBeCloseTo(0.06);
    expect(expectedShare(["'ffp2':*", "'atemschutz':*"], lexemes)).toBeCloseTo(0.05);
    // A lexeme that two alternatives match counts once.
    expect(expectedShare(["'mask':*", "'maskenprodukt':*"], lexemes)).toBeCloseTo(0.06);
  });

  it('counts a conjunction only where one lexeme starts with every operand', () => {
    expect(expectedShare(["'atemschutz':* & 'atemschutzmask':*"], lexemes)).toBeCloseTo(0.03);
    expect(expectedShare(["'ffp2':* & 'mask':*"], lexemes)).toBe(0);
  });

  it('counts nothing for phrases, unknown words and no statistics', () => {
    expect(expectedShare(["'ffp2' <-> 'mask'"], lexemes)).toBe(0);
    expect(expectedShare(["'schraub':*"], lexemes)).toBe(0);
    expect(expectedShare(["'mask':*"], [])).toBe(0);
  });

  it('is at most 1', () => {
    expect(
      expectedShare(
        ["'a':*"],
        [
          { lexeme: 'ab', share: 0.7 },
          { lexeme: 'ac', share: 0.6 },
        ],
      ),
    ).toBe(1);
  });
});
