// Backs up the embedded database: npm run db:export -- FILE.tar.gz
// Refuses while the server has the database open; stop it first. PostgreSQL: use pg_dump.
import { parseArgs } from 'node:util';
import { DEFAULT_PGLITE_DIR } from '../db/client';
import { exportEmbeddedDatabase } from '../lib/backup/embedded';
import { messages } from '../lib/i18n';

const t = messages.backup;

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: false });
  if (positionals.length !== 1) {
    console.error(t.exportUsage);
    return 1;
  }
  if (process.env.DATABASE_URL) {
    console.error(t.postgresHint);
    return 1;
  }
  const file = positionals[0]!;
  try {
    const { bytes } = await exportEmbeddedDatabase(process.env.PGLITE_DIR || DEFAULT_PGLITE_DIR, file);
    console.log(t.exported(file, bytes));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : t.failed);
    return 1;
  }
}

process.exit(await main());
