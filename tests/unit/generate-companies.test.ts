import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDUSTRY_PROFILES, type IndustryProfile } from '@/lib/seed/company-profiles';
import type { SeedPlace } from '@/lib/seed/generate-cases';
import { THURINGIA_BBOX, demoExternalId, generateCompanies } from '@/lib/seed/generate-companies';
import { COLLOQUIAL_SYNONYM_GROUPS, DEFAULT_SYNONYM_GROUPS } from '@/lib/seed/companies';
import { type CompanyInput, companyInputSchema, sizeClassOf } from '@/lib/suppliers/schema';
import { fold, stem } from '@/lib/suppliers/text';

const reference = (file: string) =>
  parse(readFileSync(path.join(import.meta.dirname, '../../db/reference', file), 'utf8'), { columns: true, bom: true }) as Record<
    string,
    string
  >[];

const places: SeedPlace[] = reference('thueringen_plz_orte_geonames.csv').map((r) => ({
  postalCode: r.plz!,
  place: r.ort!,
  districtKey: r.kreis_schluessel!,
  latitude: Number(r.lat),
  longitude: Number(r.lon),
}));
const taxonomy = new Map(reference('wz2008_komplett.csv').map((r) => [r.code!, r]));
const districts = reference('thueringen_kreise.csv');

const division = (code: string) => code.slice(0, 2);

let demo: CompanyInput[];
beforeAll(() => {
  demo = generateCompanies(4_500, places);
});

describe('industry profiles', () => {
  it('has about 35 distinct profiles with 6–15 capabilities each, for companies, institutes and networks', () => {
    expect(INDUSTRY_PROFILES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(INDUSTRY_PROFILES.map((p) => p.key)).size).toBe(INDUSTRY_PROFILES.length);
    for (const profile of INDUSTRY_PROFILES) {
      const capabilities = profile.sectors.flatMap((s) => s.capabilities);
      expect(capabilities.length, profile.key).toBeGreaterThanOrEqual(6);
      expect(capabilities.length, profile.key).toBeLessThanOrEqual(15);
      expect(new Set(capabilities).size, profile.key).toBe(capabilities.length);
      expect(profile.names.length, profile.key).toBeGreaterThanOrEqual(3);
      expect(
        profile.descriptions.every((d) => d.includes('{leistungen}')),
        profile.key,
      ).toBe(true);
    }
    const kinds = new Set(INDUSTRY_PROFILES.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['company', 'research', 'network']));
  });

  it('uses only WZ 2008 classes that exist in the taxonomy, with matching kinds', () => {
    for (const profile of INDUSTRY_PROFILES) {
      for (const { code } of profile.sectors) {
        expect(taxonomy.get(code)?.ebene, `${profile.key} ${code}`).toBe('4');
      }
      const divisions = profile.sectors.map((s) => division(s.code));
      if (profile.kind === 'research')
        expect(
          divisions.every((d) => d === '72'),
          profile.key,
        ).toBe(true);
      if (profile.kind === 'network') expect(divisions, profile.key).toEqual(['94']);
    }
  });

  it('covers the industries requests ask for', () => {
    const primary = new Set(INDUSTRY_PROFILES.flatMap((p) => p.sectors.map((s) => s.code)));
    for (const code of [
      '26.70',
      '32.50',
      '14.19',
      '22.19',
      '20.20',
      '20.41',
      '22.29',
      '25.62',
      '29.32',
      '26.12',
      '26.51',
      '10.61',
      '11.05',
      '17.21',
      '23.13',
      '62.01',
      '49.41',
      '52.10',
      '71.20',
      '72.19',
      '94.11',
      '18.12',
      '27.90',
    ]) {
      expect(primary, code).toContain(code);
    }
  });
});

describe('generateCompanies', () => {
  it('is deterministic: same seed, same companies, whatever the order of the places', () => {
    const again = generateCompanies(4_500, [...places].reverse(), 42);
    expect(again).toEqual(demo);
    expect(generateCompanies(200, places, 7)).toEqual(generateCompanies(200, places, 7));
    expect(generateCompanies(200, places, 8)).not.toEqual(generateCompanies(200, places, 7));
  });

  it('creates the requested number with unique, consecutive external ids', () => {
    expect(demo).toHaveLength(4_500);
    expect(demo.map((c) => c.externalId)).toEqual(demo.map((_, i) => demoExternalId(i + 1)));
    expect(demo[0]!.externalId).toBe('DEMO-000001');
    const later = generateCompanies(3, places, 43, { firstNumber: 4_501 });
    expect(later.map((c) => c.externalId)).toEqual(['DEMO-004501', 'DEMO-004502', 'DEMO-004503']);
    expect(generateCompanies(0, places)).toEqual([]);
    expect(() => generateCompanies(1, [])).toThrow();
  });

  it('produces valid company inputs', () => {
    for (const company of demo) {
      const parsed = companyInputSchema.safeParse(company);
      if (!parsed.success) expect.fail(`${company.externalId}: ${parsed.error.message}`);
      expect(parsed.data).toEqual(company);
      expect(company.source).toBe('demo');
    }
  });

  it('gives 1–3 existing WZ classes and capabilities consistent with them', () => {
    for (const company of demo) {
      expect(company.sectors.length).toBeGreaterThanOrEqual(1);
      expect(company.sectors.length).toBeLessThanOrEqual(3);
      expect(new Set(company.sectors).size).toBe(company.sectors.length);
      for (const code of company.sectors) expect(taxonomy.get(code)?.ebene, code).toBe('4');
      // Some profile explains the company completely: kind, primary code, every code,
      // every capability under one of the company's own codes, every certificate.
      const fits = (p: IndustryProfile) => {
        if (p.kind !== company.kind || p.sectors[0]!.code !== company.sectors[0]) return false;
        const own = p.sectors.filter((s) => company.sectors.includes(s.code));
        if (own.length !== company.sectors.length) return false;
        if (!own.every((s) => s.capabilities.some((c) => company.capabilities.includes(c)))) return false;
        return (
          company.capabilities.every((c) => own.some((s) => s.capabilities.includes(c))) &&
          company.certifications.every((c) => p.certifications.includes(c))
        );
      };
      expect(INDUSTRY_PROFILES.some(fits), `${company.externalId} ${company.name}`).toBe(true);
      expect(company.capabilities.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('names capabilities only under plausible WZ divisions', () => {
    const rules: [RegExp, string[]][] = [
      [/FFP[23]|OP-Masken|Mund-Nasen-Schutz/, ['32', '71']],
      [/desinfektion/i, ['20', '46', '71', '81']],
      [/Spritzguss/, ['22']],
      [/CNC|Laserschneiden|Zerspanung/, ['25']],
      [/mehl/i, ['10']],
      [/Bier/, ['11']],
      [/Leiterplatte|Bestückung/, ['26']],
      [/^(Glasflaschen|Hohlglas)/, ['23']],
      [/transport/i, ['49']],
      [/Softwareentwicklung/, ['62']],
    ];
    const seen = new Set<RegExp>();
    for (const company of demo) {
      const divisions = company.sectors.map(division);
      for (const [pattern, allowed] of rules) {
        if (!company.capabilities.some((c) => pattern.test(c))) continue;
        seen.add(pattern);
        expect(
          divisions.some((d) => allowed.includes(d)),
          `${company.name}: ${pattern}`,
        ).toBe(true);
      }
      if (company.kind === 'research') expect(divisions.every((d) => d === '72')).toBe(true);
      if (company.kind === 'network') expect(company.sectors).toEqual(['94.11']);
    }
    expect(seen.size).toBe(rules.length);
  });

  it('places companies at real Thuringian postal codes, within a few km, inside Thuringia', () => {
    const known = new Map(places.map((p) => [`${p.postalCode}|${p.place}`, p]));
    const bbox = {
      minLat: Math.min(...districts.map((d) => Number(d.bbox_min_lat))),
      maxLat: Math.max(...districts.map((d) => Number(d.bbox_max_lat))),
      minLon: Math.min(...districts.map((d) => Number(d.bbox_min_lon))),
      maxLon: Math.max(...districts.map((d) => Number(d.bbox_max_lon))),
    };
    expect(THURINGIA_BBOX).toEqual(bbox);
    for (const company of demo) {
      const place = known.get(`${company.postalCode}|${company.city}`);
      expect(place, `${company.postalCode} ${company.city}`).toBeDefined();
      expect(company.latitude!).toBeGreaterThanOrEqual(bbox.minLat);
      expect(company.latitude!).toBeLessThanOrEqual(bbox.maxLat);
      expect(company.longitude!).toBeGreaterThanOrEqual(bbox.minLon);
      expect(company.longitude!).toBeLessThanOrEqual(bbox.maxLon);
      const dy = (company.latitude! - place!.latitude) * 111.2;
      const dx = (company.longitude! - place!.longitude) * 111.2 * Math.cos((place!.latitude * Math.PI) / 180);
      expect(Math.hypot(dx, dy)).toBeLessThan(3.1);
    }
  });

  it('favours the bigger towns', () => {
    const perCity = new Map<string, number>();
    for (const c of demo) perCity.set(c.city, (perCity.get(c.city) ?? 0) + 1);
    const top = [...perCity]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([city]) => city);
    expect(top).toEqual(expect.arrayContaining(['Erfurt', 'Jena', 'Gera', 'Weimar']));
    expect(perCity.get('Erfurt')! / demo.length).toBeGreaterThan(0.06);
    // … without leaving the countryside empty.
    expect(perCity.size).toBeGreaterThan(400);
  });

  it('mixes listings, sizes, kinds and contacts realistically', () => {
    const share = (f: (c: CompanyInput) => boolean) => demo.filter(f).length / demo.length;
    expect(share((c) => c.publicListing)).toBeGreaterThan(0.65);
    expect(share((c) => c.publicListing)).toBeLessThan(0.75);
    const sizes = new Set(demo.map((c) => sizeClassOf(c.employees)));
    expect(sizes).toEqual(new Set(['micro', 'small', 'medium', 'large', null]));
    expect(share((c) => c.kind === 'research')).toBeGreaterThan(0.015);
    expect(share((c) => c.kind === 'network')).toBeGreaterThan(0.005);
    expect(share((c) => c.contactPerson !== undefined)).toBeGreaterThan(0.3);
    expect(share((c) => c.contactPerson !== undefined)).toBeLessThan(0.7);
    expect(share((c) => c.certifications.length > 0)).toBeGreaterThan(0.4);
    expect(share((c) => c.capabilities.some((cap) => /FFP2|OP-Masken/.test(cap)))).toBeGreaterThan(0.01);
  });

  it('uses unique names per postal code and German descriptions without placeholders', () => {
    expect(new Set(demo.map((c) => `${c.name.toLowerCase()}|${c.postalCode}`)).size).toBe(demo.length);
    for (const company of demo) {
      expect(company.name).not.toMatch(/[{}]|\s{2}|^\s|\s$/);
      expect(company.description).not.toMatch(/[{}]|\s{2}/);
      expect(company.description.length).toBeGreaterThan(60);
      expect(company.description).toMatch(/\b(und|wir|unser|der|die|das|seit|für)\b/i);
    }
  });

  it('never uses real-looking domains: websites and emails are under .example', () => {
    for (const company of demo) {
      if (company.website) expect(company.website).toMatch(/^https:\/\/www\.[a-z0-9-]+\.example$/);
      if (company.email) expect(company.email).toMatch(/^[a-z]+@[a-z0-9-]+\.example$/);
      expect(company.description).not.toMatch(/www\.|https?:|@|\.(de|com|org|net)\b/);
    }
    expect(demo.filter((c) => c.website).length).toBeGreaterThan(demo.length * 0.7);
  });
});

describe('default synonym groups', () => {
  it('has about 25 groups for common needs; a precise term sits in one group, a colloquial name leads its own', () => {
    expect(DEFAULT_SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(25);
    const key = (term: string) => stem(fold(term));
    for (const group of DEFAULT_SYNONYM_GROUPS) expect(new Set(group.map(key)).size).toBe(group.length);
    const precise = DEFAULT_SYNONYM_GROUPS.filter((g) => !COLLOQUIAL_SYNONYM_GROUPS.includes(g)).flatMap((g) => g.map(key));
    expect(new Set(precise).size).toBe(precise.length);
    // A colloquial group may repeat precise terms (the search joins every group a word is in),
    // but its first term must be in no other group: the migration adds a group by that term.
    for (const group of COLLOQUIAL_SYNONYM_GROUPS) {
      expect(DEFAULT_SYNONYM_GROUPS.filter((g) => g.some((t) => key(t) === key(group[0] ?? '')))).toHaveLength(1);
    }
    for (const group of DEFAULT_SYNONYM_GROUPS) expect(group.length).toBeGreaterThanOrEqual(2);
    const together = (...terms: string[]) => DEFAULT_SYNONYM_GROUPS.some((g) => terms.every((t) => g.includes(t)));
    expect(together('FFP2', 'Atemschutzmaske')).toBe(true);
    expect(together('Mund-Nasen-Schutz', 'OP-Maske')).toBe(true);
    expect(together('Desinfektionsmittel', 'Händedesinfektion', 'Biozid')).toBe(true);
    expect(together('Spritzguss', 'Kunststoffspritzgießen')).toBe(true);
  });
});
