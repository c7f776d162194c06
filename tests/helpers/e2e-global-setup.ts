import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../scripts/ensure-build';
import { ensureStaffAccounts } from './staff';
import { createTestDatabase, testServerUrl } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`app server exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('app server did not become healthy in time');
}

/** Builds the app once and serves it on a fresh database for the browser tests. */
export default async function setup(project: TestProject) {
  ensureBuild();
  const database = await createTestDatabase(testServerUrl());
  const pgliteDir = database.url ? undefined : mkdtempSync(path.join(tmpdir(), 'lotse-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
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
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], { env, stdio: 'inherit' });
  await waitForHealth(baseUrl, server);
  // Only PGlite mode seeds demo accounts; a PGlite directory must never be opened twice.
  if (database.url) {
    try {
      ensureStaffAccounts(env);
    } catch (error) {
      server.kill('SIGTERM');
      throw error;
    }
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await database.drop();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  };
}
