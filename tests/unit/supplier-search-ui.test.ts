import { describe, expect, it } from 'vitest';
import { markTerms } from '@/lib/suppliers/mark';
import { searchHref, searchQuery } from '@/lib/suppliers/search-url';

const marked = (text: string, terms: string[]) =>
  markTerms(text, terms)
    .map((s) => (s.hit ? `[${s.text}]` : s.text))
    .join('');

describe('markTerms', () => {
  it('marks stems to the end of the word, inside compounds too', () => {
    expect(marked('FFP2-Atemschutzmasken und OP-Masken', ['ffp2', 'mask'])).toBe('[FFP2]-Atemschutz[masken] und OP-[Masken]');
  });

  it('matches umlauts and ß through their folded spelling, keeping the original text', () => {
    expect(marked('Maße und Größen, Ärzte', ['masse', 'groess', 'aerzt'])).toBe('[Maße] und [Größen], [Ärzte]');
  });

  it('leaves text without terms alone and never loses characters', () => {
    expect(markTerms('Lohnfertigung 😀', [])).toEqual([{ text: 'Lohnfertigung 😀', hit: false }]);
    const text = 'Straße 😀 Maske <b>';
    expect(
      markTerms(text, ['mask'])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});

describe('search URLs', () => {
  const state = { q: 'FFP2 Masken', near: '99084', radius_km: 50, limit: 20, offset: 40, case: 7 };

  it('keeps the search and drops defaults', () => {
    expect(searchQuery({ limit: 20, offset: 0 })).toBe('');
    expect(searchQuery(state)).toBe('q=FFP2+Masken&near=99084&case=7&radius_km=50&offset=40');
  });

  it('starts a changed filter at the first page, but keeps the page when paging', () => {
    expect(searchHref('/suppliers', state, { sector: '32' })).toBe('/suppliers?q=FFP2+Masken&near=99084&case=7&radius_km=50&sector=32');
    expect(searchHref('/suppliers', state, { offset: 60 })).toBe('/suppliers?q=FFP2+Masken&near=99084&case=7&radius_km=50&offset=60');
    expect(searchHref('/directory', { limit: 20, offset: 0 })).toBe('/directory');
  });
});
