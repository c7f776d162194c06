import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { attachments } from '../../db/schema';
import { config } from '../config';
import { log } from '../log';
import type { AttachmentLimits } from './limits';
import type { CheckedFile } from './validate';

/** The limits from the environment (ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES). */
export function attachmentLimits(): AttachmentLimits {
  const settings = config();
  return { maxBytes: settings.ATTACHMENT_MAX_BYTES, maxFiles: settings.ATTACHMENT_MAX_FILES };
}

// Stored names are UUIDs written by this module; anything else in the column is never a path.
const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function storedFilePath(dir: string, name: string): string {
  if (!STORED_NAME.test(name)) throw new Error('attachment storage path is not a stored name');
  return path.join(dir, name);
}

function attachmentDir(): string {
  const dir = config().ATTACHMENT_DIR;
  if (!dir) throw new Error('ATTACHMENT_DIR is not configured but an attachment is stored there');
  return dir;
}

/**
 * Stores checked files for a case (and a message, or null for the help request itself) with
 * the caller's transaction. With ATTACHMENT_DIR the file is written first, then the row: a
 * rolled-back transaction leaves at most a file nobody points to, which `removeOrphanFiles`
 * deletes later. Returns the new ids.
 */
export async function storeAttachments(
  tx: Executor,
  input: { caseId: number; messageId: number | null; files: CheckedFile[] },
): Promise<number[]> {
  if (input.files.length === 0) return [];
  const dir = config().ATTACHMENT_DIR;
  if (dir) await mkdir(dir, { recursive: true, mode: 0o700 });
  const rows = [];
  for (const file of input.files) {
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    let storagePath: string | null = null;
    if (dir) {
      storagePath = randomUUID();
      await writeFile(storedFilePath(dir, storagePath), bytes, { flag: 'wx', mode: 0o600 });
    }
    rows.push({
      caseId: input.caseId,
      messageId: input.messageId,
      fileName: file.fileName,
      mediaType: file.mediaType,
      byteSize: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: storagePath ? null : bytes,
      storagePath,
    });
  }
  const inserted = await tx.insert(attachments).values(rows).returning({ id: attachments.id });
  return inserted.map((row) => row.id);
}

const listed = {
  id: attachments.id,
  caseId: attachments.caseId,
  messageId: attachments.messageId,
  fileName: attachments.fileName,
  mediaType: attachments.mediaType,
  byteSize: attachments.byteSize,
  createdAt: attachments.createdAt,
};

export type AttachmentSummary = {
  id: number;
  caseId: number;
  messageId: number | null;
  fileName: string;
  mediaType: string;
  byteSize: number;
  createdAt: Date;
};

/** The files of these cases, without their bytes, oldest first. */
export async function listAttachments(caseIds: number[]): Promise<AttachmentSummary[]> {
  if (caseIds.length === 0) return [];
  return db
    .select(listed)
    .from(attachments)
    .where(inArray(attachments.caseId, caseIds))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** One file with its bytes, from the database or the folder; undefined when unknown. */
export async function readAttachment(id: number): Promise<(AttachmentSummary & { bytes: Buffer }) | undefined> {
  const [row] = await db
    .select({ ...listed, content: attachments.content, storagePath: attachments.storagePath })
    .from(attachments)
    .where(eq(attachments.id, id));
  if (!row) return undefined;
  const { content, storagePath, ...summary } = row;
  const bytes = content ?? (await readFile(storedFilePath(attachmentDir(), storagePath!)));
  return { ...summary, bytes };
}

/** The files of one message with their bytes, oldest first (for the mail that delivers it). */
export async function messageFiles(messageId: number) {
  const ids = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.messageId, messageId))
    .orderBy(asc(attachments.id));
  const files = [];
  for (const { id } of ids) {
    const file = await readAttachment(id);
    if (file) files.push(file);
  }
  return files;
}

/** The files of these cases with their bytes as base64, for the requester's access export. */
export async function exportAttachments(caseIds: number[]) {
  const files = [];
  for (const summary of await listAttachments(caseIds)) {
    const file = await readAttachment(summary.id);
    if (file) files.push({ ...summary, contentBase64: file.bytes.toString('base64') });
  }
  return files;
}

/**
 * Deletes the rows of these cases' files in the caller's transaction and returns the stored
 * names of those in the folder: pass them to `removeStoredFiles` once the transaction committed,
 * so a rollback never loses a file whose row survives.
 */
export async function deleteCaseAttachments(tx: Executor, caseIds: number[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const deleted = await tx
    .delete(attachments)
    .where(inArray(attachments.caseId, caseIds))
    .returning({ storagePath: attachments.storagePath });
  return deleted.flatMap((row) => (row.storagePath ? [row.storagePath] : []));
}

/** Deletes files from the folder whose rows are gone. */
export async function removeStoredFiles(names: string[]): Promise<void> {
  if (names.length === 0) return;
  const dir = attachmentDir();
  await Promise.all(names.map((name) => rm(storedFilePath(dir, name), { force: true })));
}

/**
 * Deletes files in the folder that no row points to: left behind by rolled-back transactions or
 * by a crash between commit and `removeStoredFiles`. Only files older than `minAgeMs`, so a file
 * whose transaction is still open is left alone.
 */
export async function removeOrphanFiles(options: { now?: Date; minAgeMs?: number } = {}): Promise<number> {
  const dir = config().ATTACHMENT_DIR;
  if (!dir) return 0;
  const cutoff = (options.now ?? new Date()).getTime() - (options.minAgeMs ?? 60 * 60_000);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => STORED_NAME.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  if (names.length === 0) return 0;
  const referenced = new Set(
    (await db.select({ storagePath: attachments.storagePath }).from(attachments).where(isNotNull(attachments.storagePath))).map(
      (r) => r.storagePath,
    ),
  );
  let removed = 0;
  for (const name of names) {
    if (referenced.has(name)) continue;
    const file = path.join(dir, name);
    if ((await stat(file)).mtimeMs > cutoff) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  if (removed > 0) log.info({ event: 'attachments.orphans_removed', files: removed });
  return removed;
}
