import { spawnSync } from 'node:child_process';
import { DEMO_COMPANY_COUNT } from '../../lib/seed/companies';

/**
 * Gives a PostgreSQL e2e server the company directory demo mode seeds on PGlite, through the
 * operator's own command, so browser tests see the same thousands of companies on both databases.
 */
export function ensureDemoCompanies(env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--companies', String(DEMO_COMPANY_COUNT)], {
    env: { ...env, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`seed --companies failed (${run.status}): ${run.stderr}`);
}
