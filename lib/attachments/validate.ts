import { fileTypeFromBuffer } from 'file-type';
import { messages } from '../i18n';
import { extensionOf, sanitiseFileName } from './file-name';
import { type AttachmentLimits, limitError } from './limits';
import { ALLOWED, COMPOUND_FILE, LEGACY_OFFICE } from './types';

const t = messages.attachments;

/** One file as it arrived: the name the sender gave it and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** A file that passed the checks: a safe name and the type its content shows. */
export interface CheckedFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export type CheckResult = { ok: true; files: CheckedFile[] } | { ok: false; error: string };

/** The type the content shows when it is on the allow-list and fits the name's extension. */
async function detectType(fileName: string, bytes: Uint8Array): Promise<{ mediaType: string } | { error: string }> {
  const detected = await fileTypeFromBuffer(bytes);
  const extension = extensionOf(fileName);
  if (detected?.mime === COMPOUND_FILE) {
    const legacy = LEGACY_OFFICE[extension];
    return legacy ? { mediaType: legacy } : { error: t.nameMismatch(fileName) };
  }
  const extensions = detected && ALLOWED[detected.mime];
  if (!extensions) return { error: t.wrongType(fileName) };
  if (!extensions.includes(extension)) return { error: t.nameMismatch(fileName) };
  return { mediaType: detected.mime };
}

/**
 * Checks the files sent with one request or message: count, size, and the type detected from
 * the bytes, never from the name. The first problem refuses all of them, naming the file.
 */
export async function checkAttachments(files: IncomingFile[], limits: AttachmentLimits): Promise<CheckResult> {
  const named = files.map((file) => ({ ...file, name: sanitiseFileName(file.name), size: file.bytes.byteLength }));
  const error = limitError(named, limits);
  if (error) return { ok: false, error };
  const checked: CheckedFile[] = [];
  for (const { name: fileName, bytes } of named) {
    const type = await detectType(fileName, bytes);
    if ('error' in type) return { ok: false, error: type.error };
    checked.push({ fileName, mediaType: type.mediaType, bytes });
  }
  return { ok: true, files: checked };
}
