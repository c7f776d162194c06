import { describe, expect, it } from 'vitest';
import { offerServesCase } from '@/lib/offers/matching';
import { fold } from '@/lib/suppliers/text';

/** An offer as matchOpenCases prepares it: folded text, WZ divisions (two digits). */
const offer = (text: string, divisions: string[] = []) => ({ foldedText: fold(text), divisions: new Set(divisions) });

describe('offerServesCase', () => {
  it('matches a key term of the need, stemmed, inside the offer text (compounds and plurals too)', () => {
    const need = { description: 'Wir suchen dringend FFP2-Masken für unsere Pflegekräfte.', sector: null };
    expect(offerServesCase(need, offer('Atemschutzmasken FFP2-Masken, 10.000 Stück sofort'))).toBe(true);
    expect(
      offerServesCase(
        { description: 'Benötigt werden Drehteile aus Edelstahl.', sector: null },
        offer('Freie Kapazität: Drehteil-Fertigung'),
      ),
    ).toBe(true);
  });

  it('ignores the words every request uses', () => {
    const need = { description: 'Wir suchen dringend Unterstützung und einen Lieferanten.', sector: null };
    expect(offerServesCase(need, offer('Unterstützung durch Lieferanten aller Art'))).toBe(false);
  });

  it('requires the same WZ division when both name a sector', () => {
    const need = { description: 'Wir brauchen Verpackungen aus Karton.', sector: '17.21' };
    expect(offerServesCase(need, offer('Verpackungen aus Karton', ['17']))).toBe(true);
    expect(offerServesCase(need, offer('Verpackungen aus Karton', ['22']))).toBe(false);
    expect(offerServesCase(need, offer('Verpackungen aus Karton'))).toBe(true);
    expect(offerServesCase({ ...need, sector: null }, offer('Verpackungen aus Karton', ['22']))).toBe(true);
  });
});
