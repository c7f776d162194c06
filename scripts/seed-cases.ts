// Bulk-loads synthetic cases for load tests: npm run seed:cases -- --cases 100000 [--seed 1]
// Writes to DATABASE_URL (or the embedded database in PGLITE_DIR; stop the app first).
import { integerArg, runCli } from './cli';
import { sql } from 'drizzle-orm';
import { db, getDatabaseHandle } from '../db/client';
import { seedCases } from '../lib/seed/bulk-cases';

await runCli({
  usage: 'Aufruf: npm run seed:cases -- --cases 100000 [--seed 1]',
  options: { cases: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } },
  parse: ({ values }) => ({ count: integerArg(values.cases, 1, 10_000_000), seed: integerArg(values.seed, -(2 ** 31), 2 ** 31) }),
  database: true,
  failed: 'Anlegen fehlgeschlagen:',
  run: async ({ count, seed }) => {
    const started = performance.now();
    const result = await seedCases({
      count,
      seed,
      onProgress: (n) => process.stdout.write(`\r${n.toLocaleString('de-DE')} / ${count.toLocaleString('de-DE')} Fälle`),
    });
    await db.execute(sql`analyze cases, case_events`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const years = Object.entries(result.lastNumbers)
      .map(([y, n]) => `${y}: bis ${n}`)
      .join(', ');
    console.log(
      `\n${result.inserted.toLocaleString('de-DE')} Fälle in ${seconds} s angelegt (${getDatabaseHandle().kind}; Aktenzeichen ${years}).`,
    );
  },
});
