import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies, searchLexemes, searchWords } from '@/db/schema';
import { companyInputSchema, type CompanyInput } from '@/lib/suppliers/schema';
import { saveCompany } from '@/lib/suppliers/write';

const company = (name: string, capabilities: string[]): CompanyInput =>
  companyInputSchema.parse({
    kind: 'company',
    name,
    postalCode: '99084',
    city: 'Erfurt',
    sectors: [],
    capabilities,
    certifications: [],
    publicListing: true,
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('search_words and search_lexemes trigger', () => {
  it('collects the words and lexemes of inserted and updated companies', async () => {
    const input = company('Quarzsandwerk Ilmenau', ['Quarzsandaufbereitung']);
    await db.transaction((tx) => saveCompany(tx, input));
    await db.transaction((tx) => saveCompany(tx, { ...input, capabilities: ['Glasperlenstrahlen'] }));
    const words = await db
      .select()
      .from(searchWords)
      .where(inArray(searchWords.word, ['quarzsandwerk', 'quarzsandaufbereitung', 'glasperlenstrahlen']));
    expect(words.map((w) => w.word).sort()).toEqual(['glasperlenstrahlen', 'quarzsandaufbereitung', 'quarzsandwerk']);
    const [vector] = await db
      .select({ lexemes: sql<string[]>`tsvector_to_array(${companies.searchVector})` })
      .from(companies)
      .where(sql`${companies.name} = ${input.name}`);
    expect(vector!.lexemes).toContain('glasperlenstrahl');
    const stored = await db
      .select()
      .from(searchLexemes)
      .where(inArray(searchLexemes.lexeme, [...vector!.lexemes, 'quarzsandaufbereit']));
    expect(stored).toHaveLength(vector!.lexemes.length + 1); // the old capability's lexeme stays: a superset is enough
  });

  // One connection on PGlite: transactions there never overlap.
  it.skipIf(!process.env.DATABASE_URL)(
    'lets concurrent transactions that insert the same new words both commit (no deadlock)',
    async () => {
      // Each transaction inserts in two statements, the second one bringing the new word the
      // other transaction's first statement brought. Without a fixed order across both
      // statements, each waits for the other's uncommitted word and PostgreSQL aborts one.
      let firstDone!: () => void;
      const firstInserted = new Promise<void>((resolve) => (firstDone = resolve));
      const one = db.transaction(async (tx) => {
        await saveCompany(tx, company('Kryolithwerk Nord', ['Kryolithmahlung']));
        firstDone();
        await sleep(300); // the other transaction runs its first statement now (or waits for us)
        await saveCompany(tx, company('Beryllwerk Nord', ['Beryllschleifen']));
      });
      const two = (async () => {
        await firstInserted;
        return db.transaction(async (tx) => {
          await saveCompany(tx, company('Beryllwerk Süd', ['Beryllschleifen']));
          await sleep(300);
          await saveCompany(tx, company('Kryolithwerk Süd', ['Kryolithmahlung']));
        });
      })();
      const outcomes = await Promise.allSettled([one, two]);
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason?.cause ?? o.reason) : 'ok'))).toEqual(['ok', 'ok']);
      const words = await db
        .select()
        .from(searchWords)
        .where(inArray(searchWords.word, ['kryolithmahlung', 'beryllschleifen']));
      expect(words).toHaveLength(2);
    },
    15_000,
  );
});
