/**
 * `npm start` in production mode (LOTSE_ENV=production) without a secret or a database URL
 * must stop at once with a clear message instead of falling back to the embedded demo.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { messages } from '@/lib/i18n';

function start(env: Record<string, string>) {
  const { DATABASE_URL: _db, NEXTAUTH_SECRET: _secret, AUTH_SECRET: _auth, PGLITE_DIR: _dir, ...inherited } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env: { ...inherited, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('starting in production mode', () => {
  it.each([
    [{}, ['NEXTAUTH_SECRET', 'DATABASE_URL']],
    [{ DATABASE_URL: 'postgres://lotse@127.0.0.1:1/lotse' }, ['NEXTAUTH_SECRET']],
    [{ NEXTAUTH_SECRET: 'a-secret-from-the-environment' }, ['DATABASE_URL']],
  ])('with %j exits non-zero naming %j', (env, missing) => {
    const run = start({ LOTSE_ENV: 'production', ...env });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(messages.security.productionMisconfigured(missing));
  });
});
