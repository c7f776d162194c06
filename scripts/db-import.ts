// Restores the embedded database from a backup: npm run db:import -- FILE.tar.gz [--replace]
// Refuses while the server has the database open; stop it first. PostgreSQL: use pg_restore.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_PGLITE_DIR } from '../db/client';
import { importEmbeddedDatabase } from '../lib/backup/embedded';
import { messages } from '../lib/i18n';

const t = messages.backup;

async function main(): Promise<number> {
  let file: string;
  let replace: boolean;
  try {
    const { values, positionals } = parseArgs({ options: { replace: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length !== 1) throw new Error('one file');
    file = positionals[0]!;
    replace = values.replace ?? false;
  } catch {
    console.error(t.importUsage);
    return 1;
  }
  if (process.env.DATABASE_URL) {
    console.error(t.postgresHint);
    return 1;
  }
  if (!existsSync(file)) {
    console.error(t.fileMissing(file));
    return 1;
  }
  const dir = process.env.PGLITE_DIR || DEFAULT_PGLITE_DIR;
  try {
    const result = await importEmbeddedDatabase(dir, file, { replace });
    if (!result.ok) {
      console.error(t.targetNotEmpty(dir));
      return 1;
    }
    console.log(t.imported(dir, result.cases));
    if (result.movedAsideTo) console.log(t.movedAside(result.movedAsideTo));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : t.failed);
    return 1;
  }
}

process.exit(await main());
