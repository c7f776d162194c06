// Adds generated demo companies for benchmarks: npm run seed -- --companies 100000 [--seed 7]
// Writes to DATABASE_URL (or the embedded database in PGLITE_DIR; stop the app first).
// External ids continue after the highest DEMO-… id, so it can run several times.
import { integerArg, runCli } from './cli';
import { sql } from 'drizzle-orm';
import { db, getDatabaseHandle } from '../db/client';
import { demoExternalId } from '../lib/seed/generate-companies';
import { seedCompanies, seedDefaultSynonyms } from '../lib/seed/companies';

await runCli({
  usage: 'Aufruf: npm run seed -- --companies 100000 [--seed 42]',
  options: { companies: { type: 'string' }, seed: { type: 'string' } },
  parse: ({ values }) => ({
    count: integerArg(values.companies, 1, 10_000_000),
    seed: values.seed === undefined ? undefined : integerArg(values.seed, -(2 ** 31), 2 ** 31),
  }),
  database: true,
  failed: 'Anlegen fehlgeschlagen:',
  run: async ({ count, seed }) => {
    await seedDefaultSynonyms();
    const started = performance.now();
    const result = await seedCompanies({
      count,
      seed,
      onProgress: (n) => process.stdout.write(`\r${n.toLocaleString('de-DE')} / ${count.toLocaleString('de-DE')} Unternehmen`),
    });
    await db.execute(sql`analyze companies, company_events`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `\n${result.inserted.toLocaleString('de-DE')} Unternehmen in ${seconds} s angelegt ` +
        `(${getDatabaseHandle().kind}; ${demoExternalId(result.first)} bis ${demoExternalId(result.last)}).`,
    );
  },
});
