// Restores the embedded database from a backup: npm run db:import -- FILE.tar.gz [--replace]
// Refuses while the server has the database open; stop it first. PostgreSQL: use pg_restore.
import { runCli } from './cli';
import { existsSync } from 'node:fs';
import { DEFAULT_PGLITE_DIR } from '../db/client';
import { importEmbeddedDatabase } from '../lib/backup/embedded';
import { messages } from '../lib/i18n';

const t = messages.backup;

await runCli({
  usage: t.importUsage,
  options: { replace: { type: 'boolean' } },
  parse: ({ values, positionals }) => (positionals.length === 1 ? { file: positionals[0]!, replace: values.replace === true } : undefined),
  failed: t.failed,
  run: async ({ file, replace }) => {
    if (process.env.DATABASE_URL) {
      console.error(t.postgresHint);
      return 1;
    }
    if (!existsSync(file)) {
      console.error(t.fileMissing(file));
      return 1;
    }
    const dir = process.env.PGLITE_DIR || DEFAULT_PGLITE_DIR;
    const result = await importEmbeddedDatabase(dir, file, { replace });
    if (!result.ok) {
      console.error(t.targetNotEmpty(dir));
      return 1;
    }
    console.log(t.imported(dir, result.cases));
    if (result.movedAsideTo) console.log(t.movedAside(result.movedAsideTo));
  },
});
