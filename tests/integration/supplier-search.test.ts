import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies, companyEvents } from '@/db/schema';
import { companyInputSchema, type CompanyInput } from '@/lib/suppliers/schema';
import { searchCompanyIds, searchFacets, searchPoints, searchSuppliers, supplierSearchQueries } from '@/lib/suppliers/search';
import { planSearch } from '@/lib/suppliers/search-plan';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';
import { replaceSynonymGroups } from '@/lib/suppliers/synonyms';
import { saveCompany } from '@/lib/suppliers/write';

const company = (input: Partial<Record<keyof CompanyInput, unknown>>): CompanyInput =>
  companyInputSchema.parse({
    kind: 'company',
    postalCode: '99084',
    city: 'Erfurt',
    sectors: [],
    capabilities: [],
    certifications: [],
    publicListing: true,
    ...input,
  });

const FIXTURES = {
  masks: company({
    externalId: 'T-1',
    name: 'Thüringer Schutzausrüstung GmbH',
    postalCode: '07743',
    city: 'Jena',
    sectors: ['32.50'],
    capabilities: ['Atemschutzmasken FFP2', 'OP-Masken'],
    certifications: ['EN 149', 'ISO 13485'],
    description: 'Herstellung von Atemschutzmasken für Kliniken und Pflege.',
  }),
  disinfection: company({
    externalId: 'T-2',
    name: 'Chemiewerk Bad Köstritz',
    postalCode: '07586',
    city: 'Bad Köstritz',
    sectors: ['20.20'],
    capabilities: ['Händedesinfektion', 'Flächendesinfektion'],
    certifications: ['ISO 9001'],
    description: 'Biozide und Desinfektionsmittel in Kanistern.',
  }),
  moulding: company({
    externalId: 'T-3',
    name: 'Kunststofftechnik Sömmerda',
    postalCode: '99610',
    city: 'Sömmerda',
    sectors: ['22.29'],
    capabilities: ['Kunststoffspritzgießen', 'Werkzeugbau'],
    description: 'Spritzgussteile aus Polyamid in Serie.',
  }),
  bakery: company({
    externalId: 'T-4',
    name: 'Mühle Großenehrich',
    postalCode: '99718',
    city: 'Greußen',
    sectors: ['10.61'],
    capabilities: ['Roggenmehl', 'Weizenmehl Type 550'],
    description: 'Mehl aus regionalem Getreide; Maße nach Wunsch.',
  }),
  hidden: company({
    externalId: 'T-5',
    name: 'Geheime Maskenmanufaktur',
    postalCode: '99084',
    city: 'Erfurt',
    sectors: ['32.50'],
    capabilities: ['FFP2-Masken'],
    contactPerson: 'Frau Verborgen',
    publicListing: false,
  }),
  farMasks: company({
    externalId: 'T-6',
    name: 'Maskenwerk Altenburg',
    postalCode: '04600',
    city: 'Altenburg',
    sectors: ['14.19'],
    capabilities: ['Mund-Nasen-Schutz'],
    description: 'Textile Masken.',
  }),
} as const;
const ids: Record<keyof typeof FIXTURES, number> = {} as never;

const search = (params: Record<string, unknown>, audience: 'staff' | 'public' = 'staff') =>
  searchSuppliers(supplierSearchSchema.parse(params), audience);
const names = async (params: Record<string, unknown>, audience: 'staff' | 'public' = 'staff') =>
  (await search(params, audience)).results.map((r) => r.name);

beforeAll(async () => {
  await db.execute(sql`truncate ${companies}, ${companyEvents} cascade`);
  await replaceSynonymGroups([
    ['FFP2', 'Atemschutzmaske', 'FFP2-Maske'],
    ['Mund-Nasen-Schutz', 'OP-Maske', 'medizinische Maske'],
    ['Desinfektionsmittel', 'Händedesinfektion', 'Biozid'],
    ['Spritzguss', 'Kunststoffspritzgießen', 'Spritzgießen'],
  ]);
  await db.transaction(async (tx) => {
    for (const [key, input] of Object.entries(FIXTURES)) ids[key as keyof typeof FIXTURES] = (await saveCompany(tx, input)).id;
  });
});

describe('supplier search relevance', () => {
  it('finds word parts inside compounds: "Maske" finds "Atemschutzmasken"', async () => {
    expect(await names({ q: 'Maske' })).toEqual(expect.arrayContaining(['Thüringer Schutzausrüstung GmbH', 'Maskenwerk Altenburg']));
  });

  it('searches a substring inside compounds only where the full text misses some word containing it', async () => {
    const statement = async (q: string) => {
      const params = supplierSearchSchema.parse({ q });
      return supplierSearchQueries(params, await planSearch(params, 'staff')).rows.toSQL();
    };
    // "Maske" is inside "atemschutzmasken", whose lexeme no prefix of the word starts.
    expect((await statement('Maske')).params).toContain('%mask%');
    // Every known word containing "spritzguss" or "spritzgiess" ("spritzgussteile",
    // "kunststoffspritzgiessen") is a lexeme one of the tsquery's prefixes starts.
    const moulding = await statement('Spritzguss');
    expect(moulding.sql).not.toMatch(/ like /);
    expect(moulding.sql).toMatch(/ @@ /);
  });

  it('expands synonyms: FFP2 ↔ Atemschutzmaske, Mund-Nasen-Schutz ↔ OP-Maske, Spritzguss ↔ Kunststoffspritzgießen', async () => {
    expect(await names({ q: 'Atemschutzmaske' })).toContain('Geheime Maskenmanufaktur'); // listed only as FFP2-Masken
    expect(await names({ q: 'OP-Maske' })).toContain('Maskenwerk Altenburg'); // listed only as Mund-Nasen-Schutz
    expect(await names({ q: 'Spritzguss' })).toEqual(['Kunststofftechnik Sömmerda']);
    expect(await names({ q: 'Desinfektionsmittel' })).toEqual(['Chemiewerk Bad Köstritz']);
  });

  it('tolerates typos and umlaut spellings', async () => {
    expect(await names({ q: 'Desinfektionsmitel' })).toEqual(['Chemiewerk Bad Köstritz']);
    expect(await names({ q: 'Haendedesinfektion' })).toEqual(['Chemiewerk Bad Köstritz']);
    expect(await names({ q: 'Roggenmel' })).toEqual(['Mühle Großenehrich']);
    expect(await names({ q: 'Masse' })).toEqual(['Mühle Großenehrich']); // "Maße" in the description
  });

  it('requires every word (with its synonyms) and ranks the better match first', async () => {
    expect(await names({ q: 'FFP2 Kliniken' })).toEqual(['Thüringer Schutzausrüstung GmbH']);
    const ranked = await search({ q: 'FFP2 Masken' });
    expect(ranked.results.map((r) => r.name).sort()).toEqual(['Geheime Maskenmanufaktur', 'Thüringer Schutzausrüstung GmbH']);
    const jena = ranked.results.find((r) => r.name === 'Thüringer Schutzausrüstung GmbH')!;
    expect(jena.highlights).toEqual(expect.arrayContaining([{ field: 'capabilities', text: 'Atemschutzmasken FFP2' }]));
    // A match in name and capabilities outranks one found only in the description.
    const clinics = await search({ q: 'Masken' });
    expect(clinics.results.at(-1)!.score).toBeLessThan(clinics.results[0]!.score);
    expect(await names({ q: 'Glasflaschen' })).toEqual([]);
  });

  it('filters by WZ code at any level, district, certification and kind', async () => {
    expect((await names({ sector: 'C' })).length).toBe(6);
    expect(await names({ sector: '32' })).toEqual(['Geheime Maskenmanufaktur', 'Thüringer Schutzausrüstung GmbH']);
    expect(await names({ sector: '32.50' })).toHaveLength(2);
    expect(await names({ district: '16053' })).toEqual(['Thüringer Schutzausrüstung GmbH']);
    expect(await names({ certification: 'EN 149' })).toEqual(['Thüringer Schutzausrüstung GmbH']);
    expect(await names({ kind: 'research' })).toEqual([]);
  });
});

describe('distance', () => {
  it('measures great-circle distances from a postal code and filters by radius', async () => {
    // Erfurt (99084) to Jena (07743) is about 40 km, to Altenburg (04600) about 100 km.
    const near = await search({ near: '99084', radius_km: 60 });
    const byName = Object.fromEntries(near.results.map((r) => [r.name, r.distance_km]));
    expect(byName['Thüringer Schutzausrüstung GmbH']).toBeGreaterThan(37);
    expect(byName['Thüringer Schutzausrüstung GmbH']).toBeLessThan(43);
    expect(byName['Geheime Maskenmanufaktur']).toBeLessThan(3);
    expect(byName['Maskenwerk Altenburg']).toBeUndefined();
    const all = await search({ near: '50.9848,11.0299' });
    const altenburg = all.results.find((r) => r.name === 'Maskenwerk Altenburg')!;
    expect(altenburg.distance_km).toBeGreaterThan(95);
    expect(altenburg.distance_km).toBeLessThan(110);
    // Without a query, nearest first.
    expect(all.results.map((r) => r.distance_km)).toEqual([...all.results.map((r) => r.distance_km)].sort((a, b) => a! - b!));
  });

  it('ranks a nearby match above an equally good distant one', async () => {
    const ranked = await search({ q: 'Masken', near: '04600' });
    expect(ranked.results[0]!.name).toBe('Maskenwerk Altenburg');
  });
});

describe('audience and facets', () => {
  it('never shows unlisted companies to the public', async () => {
    expect(await names({ q: 'FFP2' }, 'public')).not.toContain('Geheime Maskenmanufaktur');
    expect(await names({}, 'public')).toHaveLength(5);
    expect(await searchCompanyIds(supplierSearchSchema.parse({}), 'public')).not.toContain(ids.hidden);
  });

  it('puts every located match on the map, best estimate first, capped, and only listed ones for the public', async () => {
    const params = supplierSearchSchema.parse({ q: 'Masken', limit: 1 });
    const all = await searchPoints(params, 'staff', 100);
    const ranked = await search({ q: 'Masken', limit: 50 });
    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
    // The same matches as the list; ordered by the estimate (the map never scores every match fully).
    expect(all.capped).toBe(false);
    expect([...all.points].sort(byId)).toEqual(
      ranked.results.map((r) => ({ id: r.id, name: r.name, latitude: r.latitude, longitude: r.longitude })).sort(byId),
    );
    expect(all.points.length).toBeGreaterThan(2);
    expect(await searchPoints(params, 'staff', 2)).toEqual({ capped: true, points: all.points.slice(0, 2) });
    expect(await searchPoints(params, 'staff', all.points.length)).toEqual({ capped: false, points: all.points });
    const listed = await searchPoints(params, 'public', 100);
    expect(listed.points.map((p) => p.id)).toEqual(all.points.map((p) => p.id).filter((id) => id !== ids.hidden));
    expect(Object.keys(listed.points[0]!).sort()).toEqual(['id', 'latitude', 'longitude', 'name']);
    // Nearest first without words, as the list.
    const near = await searchPoints(supplierSearchSchema.parse({ near: '04600' }), 'staff', 100);
    expect(near.points[0]!.name).toBe('Maskenwerk Altenburg');
  });

  it('counts filter values among the current matches', async () => {
    const facets = await searchFacets(supplierSearchSchema.parse({ q: 'Masken' }), 'staff');
    expect(facets.sectors['32.50']).toBe(2);
    expect(facets.sectors['14.19']).toBe(1);
    expect(facets.sectors['20.20']).toBeUndefined();
    expect(facets.certifications['EN 149']).toBe(1);
    expect(facets.kinds).toEqual({ company: 3 });
  });
});

describe('no dead ends', () => {
  it('never lets quantities and units remove results', async () => {
    const plain = await search({ q: 'Desinfektionsmittel' });
    const measured = await search({ q: 'Desinfektionsmittel 500 Liter' });
    expect(measured.results.map((r) => r.name)).toEqual(plain.results.map((r) => r.name));
    expect(measured.relaxed).toBe(false);
    expect(await names({ q: 'Roggenmehl 10 t' })).toEqual(['Mühle Großenehrich']);
  });

  it('ignores stop words instead of searching them inside every text', async () => {
    // "und" appears in none of this company's texts.
    expect(await names({ q: 'Spritzguss und Werkzeugbau' })).toEqual(['Kunststofftechnik Sömmerda']);
    // So a query with them costs what it costs without them: the very same statement.
    const statement = async (q: string) => {
      const params = supplierSearchSchema.parse({ q });
      return supplierSearchQueries(params, await planSearch(params, 'staff')).rows.toSQL();
    };
    expect(await statement('Masken und für Kliniken')).toEqual(await statement('Masken Kliniken'));
  });

  it('ranks by covered words when not all of them match together, and says so', async () => {
    const relaxed = await search({ q: 'FFP2 Kliniken Glasflaschen' });
    expect(relaxed.relaxed).toBe(true);
    // Two of the words beat one of them.
    expect(relaxed.results.map((r) => r.name)).toEqual(['Thüringer Schutzausrüstung GmbH', 'Geheime Maskenmanufaktur']);
    expect((await search({ q: 'Desinfektionsmittel dringend benötigt' })).results.map((r) => r.name)).toEqual(['Chemiewerk Bad Köstritz']);
    expect(await search({ q: 'FFP2 Kliniken' })).toMatchObject({ relaxed: false, total: 1 });
  });

  it('sees words matching together through any mix of full text and compounds', async () => {
    // "Teile" only inside "Spritzgussteile" (a substring), "Polyamid" in the full text: together.
    expect(await search({ q: 'Teile Polyamid' })).toMatchObject({ relaxed: false, total: 1 });
    expect(await search({ q: 'Teile Polyamid Roggenmehl' })).toMatchObject({ relaxed: true });
    // The check agrees with the words' conditions and-ed, over every fixture and with filters.
    for (const params of [
      { q: 'Teile Polyamid' },
      { q: 'Masken Kliniken' },
      { q: 'Maske Jena' },
      { q: 'Desinfektion Kanister', sector: '20' },
      { q: 'Desinfektion Kanister', sector: '32' },
      { q: 'FFP2 Mehl' },
      { q: 'Spritzguss Werkzeugbau Polyamid' },
    ]) {
      const parsed = supplierSearchSchema.parse(params);
      const strict = await planSearch(parsed, 'staff', { relax: false });
      const [any] = await db.select({ id: companies.id }).from(companies).where(strict.where).limit(1);
      expect((await planSearch(parsed, 'staff')).relaxed, JSON.stringify(params)).toBe(!any);
    }
  });

  it('finds with all words exactly the companies that each word finds', async () => {
    const each = async (q: string, sector?: string) => new Set(await searchCompanyIds(supplierSearchSchema.parse({ q, sector })));
    for (const [words, sector] of [
      [['Teile', 'Polyamid'], undefined],
      [['Masken', 'Kliniken'], undefined],
      [['Maske', 'FFP2'], undefined],
      [['Maske', 'Atemschutz', 'Kliniken'], undefined],
      [['Desinfektion', 'Kanister'], '20'],
      [['Spritzguss', 'Werkzeugbau', 'Polyamid'], undefined],
    ] as const) {
      const together = await each(words.join(' '), sector);
      const sets = await Promise.all(words.map((w) => each(w, sector)));
      const common = [...sets[0]!].filter((id) => sets.every((set) => set.has(id)));
      expect(common.length, words.join(' ')).toBeGreaterThan(0);
      expect([...together].sort(), words.join(' ')).toEqual(common.sort());
    }
  });

  it('weighs product words over filler, which never widens the results', async () => {
    // "herstellen" (filler) is in many texts ("Herstellung"), "Roggenmehl" only at the mill.
    expect(await search({ q: 'Roggenmehl herstellen' })).toMatchObject({ relaxed: true, total: 1 });
    // Two product words (and "Herstellung") beat one product word and "regional".
    expect(await names({ q: 'Spritzguss Werkzeugbau Mehl regional herstellen' })).toEqual([
      'Kunststofftechnik Sömmerda',
      'Mühle Großenehrich',
    ]);
  });

  it('relaxes the public directory over listed companies only', async () => {
    const listed = await search({ q: 'FFP2 Glasflaschen' }, 'public');
    expect(listed.relaxed).toBe(true);
    expect(listed.results.map((r) => r.name)).toEqual(['Thüringer Schutzausrüstung GmbH']);
  });

  it('finds nothing only when no word matches anything, and then suggests words and sectors', async () => {
    const none = await search({ q: 'Glasflaschen' });
    expect(none).toMatchObject({ total: 0, relaxed: false });
    expect(none.suggestions!.sectors.map((s) => s.code)).toContain('23.19');
    expect((await search({ q: 'Roggenbrot' })).suggestions).toEqual({ words: ['roggenmehl'], sectors: [] });
    expect((await search({ q: 'Kunstharz 20 kg' })).suggestions!.sectors).toContainEqual({
      code: '20.16',
      title: 'Herstellung von Kunststoffen in Primärformen',
    });
    // Results, or a later page of them, need none.
    expect((await search({ q: 'Roggenmehl' })).suggestions).toBeNull();
  });
});

describe('typo tolerance', () => {
  beforeAll(async () => {
    await db.transaction(async (tx) => {
      await saveCompany(tx, company({ externalId: 'T-R1', name: 'Recyclinghof Gera', capabilities: ['Kunststoffrecycling'] }));
      await saveCompany(
        tx,
        company({ externalId: 'T-R2', name: 'Kunststoffe Apolda', capabilities: ['Kunststoffe', 'Kunststoffplatten'] }),
      );
    });
  });

  it('corrects a word no known word contains, and widens no word that is known', async () => {
    expect(await names({ q: 'Kunststofrecycling' })).toEqual(['Recyclinghof Gera']);
    // "kunststoffe" looks like "kunststoffrecycling" too, but the word itself is in the data:
    // its look-alikes would only add companies that do not recycle.
    expect(await names({ q: 'Kunststoffrecycling' })).toEqual(['Recyclinghof Gera']);
    // A typo searches the known words most like it; the nearest comes first.
    expect((await names({ q: 'Kunststoffplaten' }))[0]).toBe('Kunststoffe Apolda');
  });
});
