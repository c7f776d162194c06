import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startAppServer } from '../../scripts/app-server';
import { ensureBuild } from '../../scripts/ensure-build';
import { ensureStaffAccounts } from './staff';
import { createTestDatabase, testServerUrl } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the app once and serves it on a fresh database for the browser tests. */
export default async function setup(project: TestProject) {
  ensureBuild();
  const database = await createTestDatabase(testServerUrl());
  const pgliteDir = database.url ? undefined : mkdtempSync(path.join(tmpdir(), 'lotse-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: 'e2e-secret',
    INTAKE_MIN_FILL_SECONDS: '1',
    INTAKE_RATE_LIMIT: '1000',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  };
  if (database.url) env.DATABASE_URL = database.url;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = pgliteDir;
  }
  const app = await startAppServer(env);
  // Only PGlite mode seeds demo accounts; a PGlite directory must never be opened twice.
  if (database.url) {
    try {
      ensureStaffAccounts(env);
    } catch (error) {
      await app.stop();
      throw error;
    }
  }
  project.provide('baseUrl', app.baseUrl);

  return async () => {
    await app.stop();
    await database.drop();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  };
}
