// Backs up the embedded database: npm run db:export -- FILE.tar.gz
// Refuses while the server has the database open; stop it first. PostgreSQL: use pg_dump.
import { runCli } from './cli';
import { DEFAULT_PGLITE_DIR } from '../db/client';
import { exportEmbeddedDatabase } from '../lib/backup/embedded';
import { messages } from '../lib/i18n';

const t = messages.backup;

await runCli({
  usage: t.exportUsage,
  options: {},
  parse: ({ positionals }) => (positionals.length === 1 ? { file: positionals[0]! } : undefined),
  failed: t.failed,
  run: async ({ file }) => {
    if (process.env.DATABASE_URL) {
      console.error(t.postgresHint);
      return 1;
    }
    const { bytes } = await exportEmbeddedDatabase(process.env.PGLITE_DIR || DEFAULT_PGLITE_DIR, file);
    console.log(t.exported(file, bytes));
  },
});
