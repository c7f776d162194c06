import { readFileSync } from 'node:fs';
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, getDatabaseHandle } from '@/db/client';
import { cases, companies, companyEvents, introductions, postalPlaces, shortlistEntries, synonymGroups } from '@/db/schema';
import { seedDemoCases } from '@/lib/seed/demo-cases';
import { seedDemoIntroductions } from '@/lib/seed/introductions';
import { seedDemoUsers } from '@/lib/seed/users';
import { generateCompanies } from '@/lib/seed/generate-companies';
import {
  COLLOQUIAL_SYNONYM_GROUPS,
  DEFAULT_SYNONYM_GROUPS,
  DEMO_COMPANY_COUNT,
  loadSeedPlaces,
  seedCompanies,
  seedDefaultSynonyms,
  seedDemoCompanies,
} from '@/lib/seed/companies';
import { searchQualityOf } from '@/lib/suppliers/quality';
import { sizeClassOf } from '@/lib/suppliers/schema';
import { saveCompany } from '@/lib/suppliers/write';

// One fresh database for this file (tests/helpers/integration-setup.ts); the tests build on
// each other and run in order.

const int = (expression: ReturnType<typeof sql>) => sql<number>`(${expression})::int`;

describe('seedDemoCompanies', () => {
  it('fills an empty database with 4,500 located, searchable companies in a few seconds', async () => {
    const started = performance.now();
    expect(await seedDemoCompanies()).toBe(DEMO_COMPANY_COUNT);
    const ms = Math.round(performance.now() - started);
    console.info(`seedDemoCompanies: ${DEMO_COMPANY_COUNT} companies in ${ms} ms (${getDatabaseHandle().kind})`);
    expect(ms).toBeLessThan(30_000); // target under 10 s; generous for a busy test machine

    const [stats] = await db
      .select({
        total: int(sql`count(*)`),
        located: int(sql`count(${companies.districtKey})`),
        withCoordinates: int(sql`count(${companies.latitude})`),
        vectors: int(sql`count(*) filter (where ${companies.searchVector} <> ''::tsvector)`),
        texts: int(sql`count(*) filter (where ${companies.searchText} <> '')`),
        paths: int(sql`count(*) filter (where cardinality(${companies.sectorPaths}) > cardinality(${companies.sectors}))`),
        ids: int(sql`count(distinct ${companies.externalId})`),
        listed: int(sql`count(*) filter (where ${companies.publicListing})`),
      })
      .from(companies);
    expect(stats).toMatchObject({
      total: 4_500,
      located: 4_500,
      withCoordinates: 4_500,
      vectors: 4_500,
      texts: 4_500,
      paths: 4_500,
      ids: 4_500,
    });
    expect(stats!.listed / 4_500).toBeGreaterThan(0.65);

    // The district is the one of the company's postal code and place.
    const [mismatched] = await db
      .select({ n: count() })
      .from(companies)
      .where(
        sql`not exists (select 1 from ${postalPlaces} p where p.postal_code = ${companies.postalCode}
          and p.place = ${companies.city} and p.district_key = ${companies.districtKey})`,
      );
    expect(mismatched!.n).toBe(0);

    const [events] = await db
      .select({
        n: count(),
        demo: int(sql`count(*) filter (where ${companyEvents.type} = 'created' and ${companyEvents.data}->>'source' = 'demo')`),
      })
      .from(companyEvents);
    expect(events).toEqual({ n: 4_500, demo: 4_500 });
  });

  it('stores exactly the deterministic generated set, with derived columns like saveCompany', async () => {
    const expected = generateCompanies(DEMO_COMPANY_COUNT, await loadSeedPlaces(), 42);
    const [first] = await db.select().from(companies).where(eq(companies.externalId, 'DEMO-000001'));
    const input = expected[0]!;
    expect(first).toMatchObject({
      name: input.name,
      kind: input.kind,
      postalCode: input.postalCode,
      city: input.city,
      latitude: input.latitude,
      longitude: input.longitude,
      sectors: input.sectors,
      capabilities: input.capabilities,
      certifications: input.certifications,
      sizeClass: sizeClassOf(input.employees),
      description: input.description,
      publicListing: input.publicListing,
      source: 'demo',
      version: 1,
    });
    expect(first!.sectorPaths).toContain(input.sectors[0]!.slice(0, 2));
    const names = await db.select({ name: companies.name }).from(companies).orderBy(asc(companies.externalId));
    expect(names.map((n) => n.name)).toEqual(expected.map((c) => c.name));
  });

  it('does nothing once companies exist', async () => {
    expect(await seedDemoCompanies()).toBe(0);
    const [{ n }] = (await db.select({ n: count() }).from(companies)) as [{ n: number }];
    expect(n).toBe(4_500);
  });
});

describe('seedCompanies (npm run seed)', () => {
  it('adds companies with external ids continuing after the existing ones, also when run twice', async () => {
    expect(await seedCompanies({ count: 30 })).toEqual({ inserted: 30, first: 4_501, last: 4_530 });
    const indexes = () =>
      db.select({ definition: sql<string>`indexdef` }).from(sql`pg_indexes`).where(sql`tablename = 'companies'`).orderBy(sql`indexname`);
    const before = await indexes();
    expect(before.filter((i) => i.definition.includes(' USING gin ')).length).toBeGreaterThan(0);
    // The benchmark's bulk load drops the GIN indexes and builds them again: the same ones.
    expect(await seedCompanies({ count: 20, rebuildIndexes: true })).toEqual({ inserted: 20, first: 4_531, last: 4_550 });
    expect(await indexes()).toEqual(before);
    const [stats] = await db
      .select({ n: count(), ids: int(sql`count(distinct ${companies.externalId})`), last: sql<string>`max(${companies.externalId})` })
      .from(companies);
    expect(stats).toEqual({ n: 4_550, ids: 4_550, last: 'DEMO-004550' });
    const [events] = await db.select({ n: count() }).from(companyEvents);
    expect(events!.n).toBe(4_550);
  });
});

describe('seedDefaultSynonyms', () => {
  it('seeds the default groups once, only into an empty table', async () => {
    expect(await seedDefaultSynonyms()).toBe(DEFAULT_SYNONYM_GROUPS.length);
    expect(await seedDefaultSynonyms()).toBe(0);
    const rows = await db.select({ terms: synonymGroups.terms }).from(synonymGroups).orderBy(asc(synonymGroups.id));
    expect(rows.map((r) => r.terms)).toEqual(DEFAULT_SYNONYM_GROUPS);
  });

  it('leaves groups an admin has edited alone', async () => {
    await db.delete(synonymGroups);
    await db.insert(synonymGroups).values({ terms: ['Kittel', 'Schutzkittel'] });
    expect(await seedDefaultSynonyms()).toBe(0);
    const rows = await db.select({ terms: synonymGroups.terms }).from(synonymGroups);
    expect(rows).toEqual([{ terms: ['Kittel', 'Schutzkittel'] }]);
  });

  it('brings the colloquial groups to an installation with groups of its own (migration 0018), once', async () => {
    const migration = sql.raw(readFileSync('db/migrations/0018_colloquial_synonyms.sql', 'utf8'));
    await db.execute(migration);
    await db.execute(migration);
    const rows = await db.select({ terms: synonymGroups.terms }).from(synonymGroups).orderBy(asc(synonymGroups.id));
    expect(rows.map((r) => r.terms)).toEqual([['Kittel', 'Schutzkittel'], ...COLLOQUIAL_SYNONYM_GROUPS]);
    // An empty table stays empty: startup seeds every default group into it.
    await db.delete(synonymGroups);
    await db.execute(migration);
    expect(await db.select().from(synonymGroups)).toEqual([]);
  });
});

describe('seedDemoIntroductions', () => {
  it('works the oldest demo cases through candidates, shortlist and introductions with outcomes, once', async () => {
    await seedDemoUsers();
    await seedDemoCases();
    const made = await seedDemoIntroductions();
    expect(made).toBeGreaterThanOrEqual(4);
    const outcomes = await db.select({ outcome: introductions.outcome, n: count() }).from(introductions).groupBy(introductions.outcome);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(expect.arrayContaining(['agreement', 'in_contact']));
    const worked = await db
      .selectDistinct({ status: cases.status })
      .from(cases)
      .innerJoin(introductions, eq(introductions.caseId, cases.id));
    expect(worked.map((w) => w.status)).toEqual(['introduced']);
    const [shortlisted] = await db.select({ n: count() }).from(shortlistEntries);
    expect(shortlisted!.n).toBeGreaterThanOrEqual(made);
    expect(await seedDemoIntroductions()).toBe(0);
  });
});

describe('insertCompanies (one JSON parameter per batch)', () => {
  it('stores the derived columns exactly as saveCompany does', async () => {
    const inputs = generateCompanies(40, await loadSeedPlaces(), 42).slice(30);
    const bulk = await db
      .select()
      .from(companies)
      .where(
        inArray(
          companies.externalId,
          inputs.map((c) => c.externalId!),
        ),
      );
    expect(bulk).toHaveLength(10);
    const saved = await db.transaction(async (tx) => {
      const ids = [];
      for (const input of inputs) ids.push((await saveCompany(tx, { ...input, externalId: `SAVED-${input.externalId}` })).id);
      return tx.select().from(companies).where(inArray(companies.id, ids));
    });
    const derived = (row: typeof companies.$inferSelect) => ({
      externalId: row.externalId!.replace(/^SAVED-/, ''),
      ...pick(row, ['name', 'kind', 'street', 'postalCode', 'city', 'districtKey', 'latitude', 'longitude', 'website', 'email', 'phone']),
      ...pick(row, ['contactPerson', 'sectors', 'sectorPaths', 'capabilities', 'certifications', 'employees', 'sizeClass']),
      ...pick(row, ['description', 'publicListing', 'searchText', 'searchVector', 'searchQuality']),
    });
    const byId = (a: { externalId: string }, b: { externalId: string }) => a.externalId.localeCompare(b.externalId);
    expect(saved.map(derived).sort(byId)).toEqual(bulk.map(derived).sort(byId));
    await db.delete(companies).where(
      inArray(
        companies.externalId,
        saved.map((row) => row.externalId!),
      ),
    );
  });
});

describe('migration 0023', () => {
  it('fills search_quality of the rows it finds as searchQualityOf does', async () => {
    const migration = readFileSync('db/migrations/0023_companies_search_quality.sql', 'utf8');
    const fill = migration.split('--> statement-breakpoint').find((statement) => statement.includes('UPDATE'))!;
    await db.update(companies).set({ searchQuality: -1 });
    await db.execute(sql.raw(fill));
    const rows = await db.select().from(companies);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.searchQuality).toBeCloseTo(searchQualityOf(row), 6);
  });
});

const pick = <T extends object, K extends keyof T>(row: T, keys: K[]) => Object.fromEntries(keys.map((key) => [key, row[key]]));
