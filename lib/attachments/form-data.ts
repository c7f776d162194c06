import { messages } from '../i18n';
import { sanitiseFileName } from './file-name';
import { limitError } from './limits';
import { attachmentLimits } from './store';
import { type CheckResult, checkAttachments, type IncomingFile } from './validate';

/**
 * The files of a form's `files` field, read into memory only when their number and sizes are
 * within the limits (checked again on the bytes, with their content type).
 */
export async function uploadedFiles(form: unknown): Promise<{ ok: true; files: IncomingFile[] } | { ok: false; error: string }> {
  if (form === undefined || form === null) return { ok: true, files: [] };
  if (!(form instanceof FormData)) return { ok: false, error: messages.errors.invalidInput };
  const files = form.getAll('files').filter((entry): entry is File => entry instanceof File && (entry.size > 0 || entry.name !== ''));
  const error = limitError(
    files.map((file) => ({ name: sanitiseFileName(file.name), size: file.size })),
    attachmentLimits(),
  );
  if (error) return { ok: false, error };
  return {
    ok: true,
    files: await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))),
  };
}

/** The form's files read and checked on their content: what an action stores, or the German refusal. */
export async function checkedUploads(form: unknown): Promise<CheckResult> {
  const files = await uploadedFiles(form);
  return files.ok ? checkAttachments(files.files, attachmentLimits()) : files;
}
