import { and, asc, count, desc, isNotNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies } from '@/db/schema';
import { seedCompanies, seedDefaultSynonyms } from '@/lib/seed/companies';
import { searchPoints, searchSuppliers } from '@/lib/suppliers/search';
import { planSearch } from '@/lib/suppliers/search-plan';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';

// The search scores fully only the best 500 matches by an estimate without the head bonus
// (lib/suppliers/search.ts, CANDIDATES). On generated companies, where broad words match far
// more than 500, its pages must equal those of scoring every match fully. Nearest first without
// a radius looks in growing boxes around the origin first (nearestFirst): its pages must equal
// those of sorting every company by distance.

beforeAll(async () => {
  await seedDefaultSynonyms();
  await seedCompanies({ count: 2_500, seed: 42 });
  await db.execute(sql`analyze ${companies}`);
});

/** The page as if every match were scored fully: the unbounded ranking. */
async function fullRanking(q: string, offset: number) {
  const params = supplierSearchSchema.parse({ q, offset });
  const plan = await planSearch(params, 'staff');
  const rows = await db
    .select({ id: companies.id })
    .from(companies)
    .where(plan.where)
    .orderBy(desc(plan.score), asc(companies.id))
    .limit(params.limit)
    .offset(offset);
  const [all] = await db.select({ n: count() }).from(companies).where(plan.where);
  return { params, plan, ids: rows.map((r) => r.id), total: all!.n };
}

describe('bounded ranking', () => {
  it.each([
    ['Herstellung'],
    ['GmbH'],
    ['Herstellung GmbH'],
    ['Herstellung Gehäuse dringend'], // relaxed: no company has all three
    ['GmbH Desinfektionsmittel Kabelbaum'], // relaxed
  ])('ranks "%s" like scoring every match, with the exact count', async (q) => {
    for (const offset of [0, 40]) {
      const expected = await fullRanking(q, offset);
      expect(expected.total).toBeGreaterThan(500); // so the bound applies
      const found = await searchSuppliers(expected.params, 'staff', expected.plan);
      expect(found.total).toBe(expected.total);
      expect(found.results.map((r) => r.id)).toEqual(expected.ids);
    }
  });
});

describe('nearest first in growing boxes', () => {
  it.each([
    [{ near: '99084' }, [0, 20, 300, 2_480]],
    [{ near: '99084', sector: 'C' }, [0, 100]],
    [{ near: '54.60,13.40' }, [0, 60]], // Rügen, at the edge of the data: the first boxes hold few
    [{ near: '47.60,7.60', certification: 'ISO 9001' }, [0]],
  ])('pages %j like sorting every company by distance', async (query, offsets) => {
    for (const offset of offsets) {
      const params = supplierSearchSchema.parse({ ...query, offset });
      const plan = await planSearch(params, 'staff');
      const expected = await db
        .select({ id: companies.id })
        .from(companies)
        .where(plan.where)
        .orderBy(sql`${plan.distance} nulls last`, asc(companies.id))
        .limit(params.limit)
        .offset(offset);
      const [all] = await db.select({ n: count() }).from(companies).where(plan.where);
      const found = await searchSuppliers(params, 'staff', plan);
      expect(found.results.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      expect(found.total).toBe(all!.n);
    }
  });
});

describe('map points nearest first in growing boxes', () => {
  it.each([
    [{ near: '99084' }, [19, 39, 100, 319, 1_000, 2_499, 3_000]],
    [{ near: '54.60,13.40', kind: 'company' }, [50]],
  ])('puts %j on the map like sorting every located company by distance', async (query, caps) => {
    const params = supplierSearchSchema.parse(query);
    const plan = await planSearch(params, 'staff');
    for (const cap of caps) {
      const expected = await db
        .select({ id: companies.id })
        .from(companies)
        .where(and(plan.where, isNotNull(companies.latitude), isNotNull(companies.longitude)))
        .orderBy(sql`${plan.distance}`, asc(companies.id))
        .limit(cap + 1);
      const found = await searchPoints(params, 'staff', cap, plan);
      expect(found.points.map((p) => p.id)).toEqual(expected.slice(0, cap).map((r) => r.id));
      expect(found.capped).toBe(expected.length > cap);
    }
  });
});
