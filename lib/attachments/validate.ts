import { fileTypeFromBuffer } from 'file-type';
import { messages } from '../i18n';
import { extensionOf, sanitiseFileName } from './file-name';

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

export interface AttachmentLimits {
  maxBytes: number;
  maxFiles: number;
}

export type CheckResult = { ok: true; files: CheckedFile[] } | { ok: false; error: string };

// Per type file-type detects from the content: the extensions a sender may give such a file.
const ALLOWED: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/heic': ['heic', 'heif'],
  'image/heif': ['heic', 'heif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
};

// Legacy Office files are Compound File Binary containers, which file-type cannot tell apart
// (an .msi is one too): the extension names the type, and the download is still only offered
// as an attachment.
const COMPOUND_FILE = 'application/x-cfb';
const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024));

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
  if (files.length > limits.maxFiles) return { ok: false, error: t.tooMany(limits.maxFiles) };
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const fileName = sanitiseFileName(file.name);
    if (file.bytes.byteLength === 0) return { ok: false, error: t.empty(fileName) };
    if (file.bytes.byteLength > limits.maxBytes) return { ok: false, error: t.tooLarge(fileName, megabytes(limits.maxBytes)) };
    const type = await detectType(fileName, file.bytes);
    if ('error' in type) return { ok: false, error: type.error };
    checked.push({ fileName, mediaType: type.mediaType, bytes: file.bytes });
  }
  return { ok: true, files: checked };
}
