import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * A fresh, empty database for one test file or test server: a new PostgreSQL database on the
 * server named by `serverUrl`, or (without it) an in-memory or temporary PGlite.
 */
export async function createTestDatabase(serverUrl: string | undefined) {
  if (!serverUrl) return { url: undefined, drop: async () => {} };
  const name = `lotse_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** The PostgreSQL server tests run against, if any (remembered before helpers change DATABASE_URL). */
export function testServerUrl(): string | undefined {
  process.env.LOTSE_TEST_SERVER_URL ??= process.env.DATABASE_URL ?? '';
  return process.env.LOTSE_TEST_SERVER_URL || undefined;
}
