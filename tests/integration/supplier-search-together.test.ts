import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies } from '@/db/schema';
import { seedCompanies } from '@/lib/seed/companies';
import { planSearch } from '@/lib/suppliers/search-plan';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';
import { newCompany } from '../helpers/factories';

// Whether all words match together (planSearch's relaxed) is asked first of a few hundred
// companies in table order, then of the indexes with sequential scans off: PostgreSQL planned
// the existence check for its first row and read the whole table when no company had all words
// (docs/benchmarks.md, "Sixth pass").

const relaxed = async (q: string, sector?: string) => (await planSearch(supplierSearchSchema.parse({ q, sector }), 'staff')).relaxed;

/** Rows PostgreSQL read from companies by sequential scans so far. */
async function rowsReadInOrder(): Promise<number> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const [row] = await db
    .select({ n: sql<number>`coalesce(seq_tup_read, 0)` })
    .from(sql`pg_stat_user_tables`)
    .where(sql`relname = 'companies'`);
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  await seedCompanies({ count: 2_000, seed: 42 });
  // Two words in many entries each, never in the same one (the last test adds a company with
  // both, far beyond the first rows in table order).
  for (let i = 0; i < 40; i++) {
    await newCompany({
      name: `Zylofantwerk ${i}`,
      postalCode: '99084',
      city: 'Erfurt',
      capabilities: ['Zylofant Beschichtung'],
      sectors: ['25.61'],
    });
    await newCompany({
      name: `Quarbelhaus ${i}`,
      postalCode: '07743',
      city: 'Jena',
      capabilities: ['Quarbel Gießerei'],
      sectors: ['24.51'],
    });
  }
  await db.execute(sql`analyze ${companies}`);
});

describe('words together', () => {
  it('reads fewer companies than the table holds when no company has all words', async () => {
    const [{ n: all }] = (await db.select({ n: sql<number>`count(*)::int` }).from(companies)) as [{ n: number }];
    const before = await rowsReadInOrder();
    expect(await relaxed('Zylofant Quarbel')).toBe(true);
    // PostgreSQL's other connections report their reads within seconds.
    await expect.poll(rowsReadInOrder, { timeout: 15_000, interval: 500 }).toBeGreaterThan(before);
    // Before, the check read every company in table order (2,080 of them), for every such query.
    expect((await rowsReadInOrder()) - before).toBeLessThan(all);
  });

  it('asks nothing of the companies when a word is in no entry', async () => {
    const before = await rowsReadInOrder();
    expect(await relaxed('Zylofant dringendst')).toBe(true);
    expect(await relaxed('Zylofant Quarbel')).toBe(true); // reads the sample alone: 500 companies
    await expect.poll(rowsReadInOrder, { timeout: 15_000, interval: 500 }).toBeGreaterThanOrEqual(before + 500);
    // Before, "Zylofant dringendst" read a sample of 500 too.
    expect((await rowsReadInOrder()) - before).toBeLessThan(1000);
  });

  it('tells words that never meet from words that meet only far into the table', async () => {
    expect(await relaxed('Zylofant Quarbel')).toBe(true);
    expect(await relaxed('Zylofant Beschichtung')).toBe(false);
    await newCompany({
      name: 'Quarbel und Zylofant AG',
      postalCode: '99084',
      city: 'Erfurt',
      capabilities: ['Zylofant', 'Quarbel'],
      sectors: ['24.51'],
    });
    expect(await relaxed('Zylofant Quarbel')).toBe(false);
    // With a filter that excludes the only company with both.
    expect(await relaxed('Zylofant Quarbel', '25')).toBe(true);
  });
});
