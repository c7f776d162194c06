/**
 * Sidebar facets for filters alone, checked against counting the companies one by one: each
 * dimension counts the companies that pass every other chosen filter, and a company counts once
 * per sector code even when several of its sectors share that ancestor.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies, companyEvents } from '@/db/schema';
import { sidebarFacets } from '@/lib/suppliers/facets';
import { companyInputSchema, type CompanyInput } from '@/lib/suppliers/schema';
import type { Facets } from '@/lib/suppliers/search';
import type { Audience } from '@/lib/suppliers/search-plan';
import { type SupplierSearch, supplierSearchSchema } from '@/lib/suppliers/search-schema';
import { sectorIndex, sectorPath } from '@/lib/suppliers/sector-index';
import { saveCompany } from '@/lib/suppliers/write';

const company = (input: Partial<Record<keyof CompanyInput, unknown>>): CompanyInput =>
  companyInputSchema.parse({ kind: 'company', sectors: [], capabilities: [], certifications: [], publicListing: true, ...input });

// Jena (16053), Erfurt (16051), Bad Köstritz (16076).
const FIXTURES = [
  // Two leaves under 32 (and C): 32 and C count once.
  company({
    name: 'Zwei Blätter',
    postalCode: '07743',
    city: 'Jena',
    sectors: ['32.50', '32.99'],
    certifications: ['ISO 9001'],
    employees: 12,
  }),
  // A leaf and its own ancestor.
  company({ name: 'Blatt und Ahn', postalCode: '07743', city: 'Jena', sectors: ['32.50', '32.5'], employees: 300 }),
  // Two divisions of C.
  company({
    name: 'Zwei Abteilungen',
    postalCode: '99084',
    city: 'Erfurt',
    sectors: ['20.20', '32.50'],
    certifications: ['ISO 9001', 'EN 149'],
  }),
  company({
    name: 'Verkehr',
    postalCode: '99084',
    city: 'Erfurt',
    sectors: ['49.41'],
    certifications: ['ISO 9001'],
    kind: 'research',
    employees: 3,
  }),
  company({
    name: 'Nicht gelistet',
    postalCode: '07743',
    city: 'Jena',
    sectors: ['32.99'],
    certifications: ['EN 149'],
    publicListing: false,
  }),
  company({
    name: 'Ohne Branche',
    postalCode: '07586',
    city: 'Bad Köstritz',
    certifications: ['ISO 9001'],
    kind: 'network',
    employees: 40,
  }),
  company({ name: 'Zwei Klassen', postalCode: '07586', city: 'Bad Köstritz', sectors: ['10.11', '10.13'], employees: 12 }),
];

const FILTERS = [
  {},
  { sector: 'C' },
  { sector: '32' },
  { sector: '32.5' },
  { district: '16053' },
  { certification: 'ISO 9001' },
  { kind: 'research' },
  { size: 'small' },
  { sector: '32', district: '16053' },
  { sector: 'C', certification: 'ISO 9001', kind: 'company' },
  { sector: '10.1', district: '16076', size: 'small' },
  { sector: '32', district: '16051', certification: 'EN 149', kind: 'company', size: 'large' },
];

interface Row {
  sectors: string[];
  district: string | null;
  certifications: string[];
  kind: string;
  size: string | null;
  listed: boolean;
}

/** Each company's facet values, its sectors' ancestors worked out here rather than read from sector_paths. */
async function loadRows(): Promise<Row[]> {
  const index = await sectorIndex();
  const rows = await db.select().from(companies);
  return rows.map((r) => ({
    sectors: [...new Set(r.sectors.flatMap((code) => sectorPath(index, code)))],
    district: r.districtKey,
    certifications: [...new Set(r.certifications)],
    kind: r.kind,
    size: r.sizeClass,
    listed: r.publicListing,
  }));
}

/** The facets counted company by company. */
function countFacets(rows: Row[], params: SupplierSearch, audience: Audience): Facets {
  const passes = {
    sector: (r: Row) => !params.sector || r.sectors.includes(params.sector),
    district: (r: Row) => !params.district || r.district === params.district,
    certification: (r: Row) => !params.certification || r.certifications.includes(params.certification),
    kind: (r: Row) => !params.kind || r.kind === params.kind,
    size: (r: Row) => !params.size || r.size === params.size,
  };
  const values: Record<keyof typeof passes, [keyof Facets, (r: Row) => (string | null)[]]> = {
    sector: ['sectors', (r) => r.sectors],
    district: ['districts', (r) => [r.district]],
    certification: ['certifications', (r) => r.certifications],
    kind: ['kinds', (r) => [r.kind]],
    size: ['sizes', (r) => [r.size]],
  };
  const facets: Facets = { sectors: {}, districts: {}, kinds: {}, certifications: {}, sizes: {} };
  for (const [dimension, [facet, of]] of Object.entries(values) as [keyof typeof passes, (typeof values)['sector']][]) {
    const others = (Object.keys(passes) as (keyof typeof passes)[]).filter((d) => d !== dimension);
    for (const row of rows) {
      if (audience === 'public' && !row.listed) continue;
      if (!others.every((d) => passes[d](row))) continue;
      for (const value of of(row)) if (value !== null) facets[facet][value] = (facets[facet][value] ?? 0) + 1;
    }
  }
  return facets;
}

let rows: Row[];

beforeAll(async () => {
  await db.execute(sql`truncate ${companies}, ${companyEvents} cascade`);
  await db.transaction(async (tx) => {
    for (const input of FIXTURES) await saveCompany(tx, input);
  });
  rows = await loadRows();
});

describe('sidebar facets for filters alone', () => {
  it('count like counting the companies one by one', async () => {
    for (const audience of ['staff', 'public'] as const) {
      for (const filters of FILTERS) {
        const params = supplierSearchSchema.parse(filters);
        expect(await sidebarFacets(params, audience), `${audience} ${JSON.stringify(filters)}`).toEqual(
          countFacets(rows, params, audience),
        );
      }
    }
  });

  it('count a company once for a sector that several of its sectors fall under', async () => {
    const facets = await sidebarFacets(supplierSearchSchema.parse({}), 'staff');
    expect(facets.sectors['32']).toBe(4);
    expect(facets.sectors.C).toBe(5);
    expect(facets.sectors['32.5']).toBe(3);
    expect(facets.sectors['10.1']).toBe(1);
    expect(facets.sectors.H).toBe(1);
  });
});
