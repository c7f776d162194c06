import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { users } from '@/db/schema';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN } from '@/lib/auth/schema';
import { findUserByEmail } from '@/lib/auth/users';
import { messages } from '@/lib/i18n';

// On PostgreSQL the script writes to this file's fresh test database; on PGlite to its own
// directory, because two PGlite instances must never open the same one.
let pgliteDir: string | undefined;

beforeAll(() => {
  if (!process.env.DATABASE_URL) pgliteDir = mkdtempSync(path.join(tmpdir(), 'lotse-cli-'));
});
afterAll(() => {
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
});

function runCli(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  if (pgliteDir) {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = pgliteDir;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Looks the account up in the database the script wrote to, once the script has exited. */
async function findCreated(email: string) {
  if (!pgliteDir) return findUserByEmail(email);
  const handle = openDatabase({ ...process.env, PGLITE_DIR: pgliteDir });
  try {
    return (await handle.db.select().from(users).where(eq(users.email, email)))[0];
  } finally {
    await handle.close();
  }
}

const args = (email: string) => ['--email', email, '--name', 'Clara Kommandozeile', '--role', 'expert'];

describe('npm run user:create', () => {
  it('creates an account with the password from standard input, once per email', async () => {
    const created = await runCli(args('clara@leg.example'), 'ein-sicheres-passwort\nzweite Zeile wird ignoriert\n');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain(messages.users.cliCreated('clara@leg.example', messages.roles.expert));
    expect(created.code).toBe(0);
    expect(await findCreated('clara@leg.example')).toMatchObject({
      name: 'Clara Kommandozeile',
      role: 'expert',
      active: true,
    });

    const again = await runCli(args('CLARA@leg.example'), 'noch-ein-passwort\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(messages.users.emailTaken);
  });

  it('refuses a too short password in German before touching the database', async () => {
    const result = await runCli(args('kurz@leg.example'), 'kurz\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${messages.users.password}: ${messages.errors.passwordTooShort(PASSWORD_MIN)}`);
    expect(result.stdout).toBe('');
  });

  it('refuses a password past bcrypt’s 72 bytes, naming the limit', async () => {
    const result = await runCli(args('lang@leg.example'), `${'ä'.repeat(37)}\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${messages.users.password}: ${messages.errors.passwordTooLong(PASSWORD_MAX_BYTES)}`);
    expect(await findCreated('lang@leg.example')).toBeUndefined();
  });

  it('explains its use when options are wrong', async () => {
    const result = await runCli(['--email', 'clara@leg.example', '--rolle', 'admin'], '');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(messages.users.cliUsage);
  });
});
