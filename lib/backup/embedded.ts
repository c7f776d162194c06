import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockPgliteDir, openDatabase, PGLITE_EXTENSIONS } from '../../db/client';

/**
 * Backups of the embedded database as PGlite's own data-directory archive (tar.gz). Both
 * directions take the directory's lock, so they refuse while the server has it open: a copy
 * taken under a running server could be torn.
 */
export async function exportEmbeddedDatabase(dir: string, file: string): Promise<{ bytes: number }> {
  const handle = openDatabase({ ...process.env, DATABASE_URL: '', PGLITE_DIR: dir });
  try {
    // dumpDataDir does not wait for the database to be open by itself.
    await handle.pglite!.waitReady;
    const archive = await handle.pglite!.dumpDataDir('gzip');
    const bytes = Buffer.from(await archive.arrayBuffer());
    writeFileSync(file, bytes);
    return { bytes: bytes.length };
  } finally {
    await handle.close();
  }
}

export type ImportResult = { ok: true; cases: number; movedAsideTo?: string } | { ok: false; reason: 'target_not_empty' };

/**
 * Restores an archive into `dir`. An existing database there is only replaced on request,
 * and then kept beside it; a failed restore puts it back.
 */
export async function importEmbeddedDatabase(dir: string, file: string, options: { replace?: boolean } = {}): Promise<ImportResult> {
  const archive = new Blob([readFileSync(file)]);
  const release = lockPgliteDir(dir);
  try {
    let movedAsideTo: string | undefined;
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      if (!options.replace) return { ok: false, reason: 'target_not_empty' };
      movedAsideTo = `${dir}.vor-import-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dir, movedAsideTo);
    }
    try {
      const restored = new PGlite(dir, { extensions: PGLITE_EXTENSIONS, loadDataDir: archive });
      try {
        const { rows } = await restored.query<{ n: number }>('select count(*)::int as n from cases');
        return { ok: true, cases: rows[0]!.n, movedAsideTo };
      } finally {
        await restored.close();
      }
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      if (movedAsideTo) renameSync(movedAsideTo, dir);
      throw error;
    }
  } finally {
    release();
  }
}
