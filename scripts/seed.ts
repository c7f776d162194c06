// Adds generated demo companies for benchmarks: npm run seed -- --companies 100000 [--seed 7]
// Writes to DATABASE_URL (or the embedded database in PGLITE_DIR; stop the app first).
// External ids continue after the highest DEMO-… id, so it can run several times.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDatabase, db, getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { demoExternalId } from '../lib/demo/generate-companies';
import { seedCompanies, seedDefaultSynonyms } from '../lib/demo/seed-companies';

const USAGE = 'Aufruf: npm run seed -- --companies 100000 [--seed 42]';

async function main(): Promise<number> {
  let count: number;
  let seed: number | undefined;
  try {
    const { values } = parseArgs({ options: { companies: { type: 'string' }, seed: { type: 'string' } } });
    count = Number(values.companies);
    seed = values.seed === undefined ? undefined : Number(values.seed);
    if (!Number.isInteger(count) || count < 1 || count > 10_000_000) throw new Error();
    if (seed !== undefined && !Number.isInteger(seed)) throw new Error();
  } catch {
    console.error(USAGE);
    return 1;
  }
  const handle = getDatabaseHandle();
  try {
    await prepareDatabase(handle);
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
        `(${handle.kind}; ${demoExternalId(result.first)} bis ${demoExternalId(result.last)}).`,
    );
    return 0;
  } catch (error) {
    console.error('\nAnlegen fehlgeschlagen:', error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await closeDatabase();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
