import type { TestProject } from 'vitest/node';
import { startAppServer } from '../../scripts/app-server';
import { ensureBuild } from '../../scripts/ensure-build';
import { ensureDemoCompanies } from './demo-companies';
import { ensureStaffAccounts } from './staff';
import { freshAppEnvironment } from './app-environment';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the app once and serves it on a fresh database for the browser tests. */
export default async function setup(project: TestProject) {
  ensureBuild();
  const { env, isPostgres, drop } = await freshAppEnvironment();
  const app = await startAppServer(env);
  // Only PGlite mode seeds demo accounts and companies; a PGlite directory must never be opened twice.
  if (isPostgres) {
    try {
      ensureStaffAccounts(env);
      ensureDemoCompanies(env);
    } catch (error) {
      await app.stop();
      throw error;
    }
  }
  project.provide('baseUrl', app.baseUrl);

  return async () => {
    await app.stop();
    await drop();
  };
}
