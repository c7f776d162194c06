import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, pgliteLockPath } from '@/db/client';

// These tests open directory-backed PGlite databases of their own, whatever database the
// rest of the suite runs on.
let dir: string;
const opened: DatabaseHandle[] = [];
const env = () => ({ ...process.env, DATABASE_URL: '', PGLITE_DIR: dir, LOG_LEVEL: 'silent' });
const refusal = (pid: number) =>
  `Die eingebettete Datenbank (${dir}) wird gerade vom laufenden Lotse-Server (Prozess ${pid}) benutzt. ` +
  'Importieren Sie über /admin/import oder beenden Sie den Server zuerst.';

async function open(): Promise<DatabaseHandle> {
  const handle = openDatabase(env());
  opened.push(handle);
  await handle.db.execute(sql`select 1`);
  return handle;
}

async function close(handle: DatabaseHandle) {
  opened.splice(opened.indexOf(handle), 1);
  await handle.close();
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lotse-lock-'));
});

afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(pgliteLockPath(dir), { force: true });
});

/** Another process holding the database open, like a running server, until its stdin ends. */
async function holder(): Promise<ChildProcessWithoutNullStreams> {
  const code = `
    import { sql } from 'drizzle-orm';
    import { openDatabase } from './db/client.ts';
    const handle = openDatabase();
    await handle.db.execute(sql\`select 1\`);
    console.log('ready');
    process.stdin.on('end', async () => { await handle.close(); process.exit(0); });
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: env() });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (status) => reject(new Error(`holder exited with ${status}: ${stderr}`)));
  });
  return child;
}

function run(script: string, args: string[], stdin = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env: env(), input: stdin, encoding: 'utf8' });
}

describe('the embedded database belongs to one process', () => {
  it('refuses a second open of the same directory in German, and opens again after close', async () => {
    const first = await open();
    expect(readFileSync(pgliteLockPath(dir), 'utf8').split(' ')[0]).toBe(String(process.pid));
    expect(() => openDatabase(env())).toThrow(refusal(process.pid));
    await close(first);
    expect(existsSync(pgliteLockPath(dir))).toBe(false);
    const again = await open();
    await close(again);
  });

  it('refuses while another process holds it; the import and user:create commands say so and exit 1', async () => {
    const server = await holder();
    try {
      expect(() => openDatabase(env())).toThrow(refusal(server.pid!));

      const csv = path.join(dir, '..', `${path.basename(dir)}.csv`);
      writeFileSync(csv, 'name;postal_code;city\nSperr GmbH;99084;Erfurt\n');
      try {
        const imported = run('scripts/import.ts', [csv]);
        expect(imported.status).toBe(1);
        expect(imported.stderr).toContain(refusal(server.pid!));
      } finally {
        rmSync(csv, { force: true });
      }

      const created = run(
        'scripts/user-create.ts',
        ['--email', 'x@leg.example', '--name', 'Xaver X', '--role', 'expert'],
        'ein-langes-passwort\n',
      );
      expect(created.status).toBe(1);
      expect(created.stderr).toContain(refusal(server.pid!));
    } finally {
      server.stdin.end();
      await new Promise((resolve) => server.once('exit', resolve));
    }
    expect(existsSync(pgliteLockPath(dir))).toBe(false);
    await close(await open());
  });

  it('takes over a stale lock whose process is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']);
    expect(gone.pid).toBeGreaterThan(0);
    writeFileSync(pgliteLockPath(dir), `${gone.pid} 12345\n`);
    const handle = await open();
    expect(readFileSync(pgliteLockPath(dir), 'utf8').split(' ')[0]).toBe(String(process.pid));
    await close(handle);
    expect(existsSync(pgliteLockPath(dir))).toBe(false);
  });

  it('needs no lock for an in-memory database', async () => {
    const a = openDatabase({ ...process.env, DATABASE_URL: '', PGLITE_DIR: 'memory://' });
    const b = openDatabase({ ...process.env, DATABASE_URL: '', PGLITE_DIR: 'memory://' });
    await Promise.all([a.db.execute(sql`select 1`), b.db.execute(sql`select 1`)]);
    await Promise.all([a.close(), b.close()]);
  });
});
