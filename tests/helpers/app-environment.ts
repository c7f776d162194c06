import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, testServerUrl } from './test-database';

/** The e2e servers' minimum time between opening the request form and sending it. */
export const E2E_MIN_FILL_SECONDS = 1;

/**
 * The environment for an app server of its own on a fresh database of the configured kind:
 * a new PostgreSQL database, or a PGlite data directory on disk (never memory://, so a
 * restarted server finds what the previous one stored).
 */
export async function freshAppEnvironment(settings: Record<string, string> = {}) {
  const database = await createTestDatabase(testServerUrl());
  const pgliteDir = database.url ? undefined : mkdtempSync(path.join(tmpdir(), 'lotse-app-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: 'e2e-secret',
    INTAKE_MIN_FILL_SECONDS: String(E2E_MIN_FILL_SECONDS),
    INTAKE_RATE_LIMIT: '1000',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    ...settings,
  };
  if (database.url) env.DATABASE_URL = database.url;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = pgliteDir;
  }
  return {
    env,
    isPostgres: database.url !== undefined,
    drop: async () => {
      await database.drop();
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    },
  };
}
