import { and, asc, count, desc, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies } from '@/db/schema';
import { seedCompanies, seedDefaultSynonyms } from '@/lib/seed/companies';
import { searchPoints, searchSuppliers } from '@/lib/suppliers/search';
import { messages } from '@/lib/i18n';
import { planSearch, type SearchPlan } from '@/lib/suppliers/search-plan';
import { type SupplierSearch, supplierSearchSchema } from '@/lib/suppliers/search-schema';

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

// Words expected to match at least `from` companies rank only the matches above a search_quality
// floor, about `candidates` of them (search-plan.ts, boundFor); the count then says "more than".
describe('ranking only the most complete entries of broad words', () => {
  const bound = { from: 200, candidates: 150 };

  /** The exact ranking, restricted to the companies with at least `floor` as search_quality. */
  async function rankingAbove(params: SupplierSearch, plan: SearchPlan, floor: number) {
    const above = and(plan.where, gte(companies.searchQuality, floor));
    const rows = await db
      .select({ id: companies.id })
      .from(companies)
      .where(above)
      .orderBy(desc(plan.score), asc(companies.id))
      .limit(params.limit)
      .offset(params.offset);
    const [all] = await db.select({ n: count() }).from(companies).where(above);
    return { ids: rows.map((r) => r.id), total: all!.n };
  }

  it.each([['Herstellung'], ['GmbH'], ['Herstellung Gehäuse dringend']])(
    'ranks "%s" among the matches above the floor, exactly, and says there are more',
    async (q) => {
      for (const offset of [0, 20]) {
        const params = supplierSearchSchema.parse({ q, offset });
        const plan = await planSearch(params, 'staff', { bound });
        expect(plan.bounded).not.toBeNull();
        const floor = plan.bounded!.floor;
        const expected = await rankingAbove(params, plan, floor);
        const [all] = await db.select({ n: count() }).from(companies).where(plan.where);
        // About `candidates` of them, far fewer than all matches.
        expect(expected.total).toBeGreaterThanOrEqual(bound.candidates / 2);
        expect(expected.total).toBeLessThan(all!.n / 2);
        const found = await searchSuppliers(params, 'staff', plan);
        expect(found.capped).toBe(true);
        expect(found.total).toBe(expected.total);
        expect(found.results.map((r) => r.id)).toEqual(expected.ids);
        // Every result lies above the floor, and the first page holds the best entries' best matches.
        const qualities = await db
          .select({ quality: companies.searchQuality })
          .from(companies)
          .where(
            inArray(
              companies.id,
              found.results.map((r) => r.id),
            ),
          );
        expect(qualities.every((r) => r.quality >= floor)).toBe(true);
      }
    },
  );

  it.each([
    [{ q: 'Herstellung', district: '16053' }, 'a filter leaves too few above the floor'],
    [{ q: 'Herstellung', offset: 400 }, 'the page lies beyond the matches above the floor'],
  ])('ranks every match of %j when %s', async (query, _when) => {
    const params = supplierSearchSchema.parse(query);
    const plan = await planSearch(params, 'staff', { bound });
    expect(plan.bounded).not.toBeNull();
    const exact = await planSearch(params, 'staff', { bound: null });
    expect(exact.bounded).toBeNull();
    const expected = await searchSuppliers(params, 'staff', exact);
    expect(expected.capped).toBe(false);
    const found = await searchSuppliers(params, 'staff', plan);
    expect(found).toEqual(expected);
  });

  it('ranks words expected to match fewer than `from` companies exactly', async () => {
    const params = supplierSearchSchema.parse({ q: 'Laserschneiden' });
    expect((await planSearch(params, 'staff', { bound })).bounded).toBeNull();
  });

  it('says "mehr als" only for a capped count', () => {
    expect(messages.suppliers.range(1, 20, 2_000, true)).toBe('1–20 von mehr als 2.000 Treffern');
    expect(messages.suppliers.range(1, 20, 2_000)).toBe('1–20 von 2.000 Treffern');
  });
});
