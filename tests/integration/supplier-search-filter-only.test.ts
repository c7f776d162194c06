import { and, count, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies } from '@/db/schema';
import { seedCompanies } from '@/lib/seed/companies';
import { type Audience, searchSuppliers } from '@/lib/suppliers/search';
import { planSearch } from '@/lib/suppliers/search-plan';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';

// A search by filters alone counts its matches only up to a limit (COUNT_UP_TO, here 100) and
// says "mehr als" beyond it, as text searches do: counting all 798,283 companies of sector C at
// 1,000,000 took 0.6–0.9 s (docs/benchmarks.md, "Seventh pass"). Page and order stay the same.

const UP_TO = 100;

beforeAll(async () => {
  await seedCompanies({ count: 3_000, seed: 42 });
  await db.execute(sql`analyze ${companies}`);
});

const search = async (params: Record<string, unknown>, audience: Audience, countUpTo: number | null) => {
  const parsed = supplierSearchSchema.parse(params);
  return searchSuppliers(parsed, audience, await planSearch(parsed, audience, { countUpTo }));
};

/** Every match, counted one by one. */
async function exactCount(params: Record<string, unknown>, audience: Audience) {
  const plan = await planSearch(supplierSearchSchema.parse(params), audience);
  const [row] = await db.select({ n: count() }).from(companies).where(and(plan.where));
  return row!.n;
}

/** Rows and index entries PostgreSQL read from companies so far (sequential and index scans). */
async function companyReads(): Promise<number> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const [row] = await db
    .select({
      n: sql<number>`coalesce((select seq_tup_read from pg_stat_user_tables where relname = 'companies'), 0)
        + coalesce((select sum(idx_tup_read) from pg_stat_user_indexes where relname = 'companies'), 0)`,
    })
    .from(sql`(select 1) as one`);
  return Number(row?.n ?? 0);
}

/** companyReads once no connection reports more for a second. */
async function settledReads(): Promise<number> {
  let last = await companyReads();
  for (let i = 0; i < 15; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = await companyReads();
    if (now === last) return now;
    last = now;
  }
  return last;
}

describe('filters alone, rows read', () => {
  // First in the file: PostgreSQL's other connections report their reads within seconds, so
  // the earlier tests' reads would still come in.
  it('reads fewer companies than match', async () => {
    const before = await settledReads();
    expect(await search({ sector: 'C' }, 'staff', UP_TO)).toMatchObject({ capped: true });
    await expect.poll(companyReads, { timeout: 15_000, interval: 500 }).toBeGreaterThan(before);
    const read = (await settledReads()) - before;
    // Before, the count read every match (about 2,400 of the 3,000) on its own.
    expect(read).toBeLessThan((await exactCount({ sector: 'C' }, 'staff')) / 2);
  });
});

describe('filters alone', () => {
  it.each([
    [{ sector: 'C' }, 'staff'],
    [{ sector: 'C' }, 'public'],
    [{ certification: 'ISO 9001' }, 'staff'],
    [{ certification: 'ISO 9001' }, 'public'],
    [{ near: '99084' }, 'staff'],
    [{}, 'public'],
  ] as const)('count up to the limit and say "more than" beyond it: %o, %s', async (params, audience) => {
    const all = await exactCount(params, audience);
    expect(all).toBeGreaterThan(UP_TO + 40); // so the limit applies, also on the third page
    for (const offset of [0, 20, UP_TO + 20]) {
      const exact = await search({ ...params, offset }, audience, null);
      expect(exact).toMatchObject({ total: all, capped: false });
      const found = await search({ ...params, offset }, audience, UP_TO);
      // Beyond the limit the count goes on to the page's end: "121–140 of more than 140".
      expect(found).toMatchObject({ total: Math.max(UP_TO, offset + 20), capped: true });
      expect(found.results.map((r) => r.id)).toEqual(exact.results.map((r) => r.id));
    }
  });

  it('counts exactly when fewer match than the limit', async () => {
    const params = { district: '16053', kind: 'research', limit: 5 };
    const all = await exactCount(params, 'staff');
    expect(all).toBeGreaterThan(5);
    expect(all).toBeLessThanOrEqual(UP_TO);
    expect(await search(params, 'staff', UP_TO)).toMatchObject({ total: all, capped: false });
    // Exactly the limit is no "more than".
    expect(await search(params, 'staff', all)).toMatchObject({ total: all, capped: false });
    expect(await search(params, 'staff', all - 1)).toMatchObject({ total: all - 1, capped: true });
  });
});
