import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, testServerUrl } from './test-database';

// Each integration test file gets its own fresh database of the configured kind.
const serverUrl = testServerUrl();
let drop = async () => {};

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= 'integration-test-secret';
  const created = await createTestDatabase(serverUrl);
  drop = created.drop;
  if (created.url) process.env.DATABASE_URL = created.url;
  else process.env.PGLITE_DIR = 'memory://';
  const { getDatabaseHandle } = await import('../../db/client');
  const { prepareDatabase } = await import('../../db/prepare');
  await prepareDatabase(getDatabaseHandle());
});

afterAll(async () => {
  const { closeDatabase } = await import('../../db/client');
  await closeDatabase();
  await drop();
  if (serverUrl) process.env.DATABASE_URL = serverUrl;
});
