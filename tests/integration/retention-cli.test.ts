import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, getDatabaseHandle, openDatabase } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { cases } from '@/db/schema';
import { messages } from '@/lib/i18n';
import { ANONYMISED } from '@/lib/privacy/anonymise';

// On PostgreSQL the script works on this file's fresh test database; on PGlite on its own
// directory, because two PGlite instances must never open the same one.
let pgliteDir: string | undefined;

beforeAll(() => {
  if (!process.env.DATABASE_URL) pgliteDir = mkdtempSync(path.join(tmpdir(), 'lotse-retention-'));
});
afterAll(() => {
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
});

/** Runs `fn` on the database the script uses, opening (and closing) it only around the call. */
async function onScriptDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  if (!pgliteDir) return fn(getDatabaseHandle().db);
  const handle = openDatabase({ ...process.env, PGLITE_DIR: pgliteDir });
  try {
    await prepareDatabase(handle);
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

function runRetentionScript(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', RETENTION_MONTHS: '24' };
  if (pgliteDir) {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = pgliteDir;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/retention.ts'], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run retention', () => {
  it('anonymises closed cases past the period once, and nothing on a second run', async () => {
    const longClosed = new Date(Date.now() - 25 * 31 * 86_400_000);
    const id = await onScriptDatabase(async (db) => {
      const [row] = await db
        .insert(cases)
        .values({
          reference: 'LS-2024-00001',
          status: 'resolved',
          organisation: 'Kommandozeilen-Kunde GmbH',
          organisationKind: 'company',
          contactName: 'Karla Kommando',
          email: 'karla@kommando.example',
          postalCode: '99084',
          city: 'Erfurt',
          category: 'goods',
          description: 'Bitte Rückruf an Karla Kommando.',
          urgency: 'flexible',
          consentVersion: '2026-11-24',
          consentedAt: longClosed,
          createdAt: longClosed,
          updatedAt: longClosed,
        })
        .returning({ id: cases.id });
      return row!.id;
    });

    const first = await runRetentionScript();
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain(messages.dataProtection.retentionDone(1, 0));
    expect(first.code).toBe(0);
    const stored = await onScriptDatabase(async (db) => (await db.select().from(cases).where(eq(cases.id, id)))[0]);
    expect(stored).toMatchObject({ contactName: ANONYMISED, email: '', description: ANONYMISED, status: 'resolved' });
    expect(stored!.anonymisedAt).not.toBeNull();

    const second = await runRetentionScript();
    expect(second.stdout).toContain(messages.dataProtection.retentionDone(0, 0));
    expect(second.code).toBe(0);
  });
});
