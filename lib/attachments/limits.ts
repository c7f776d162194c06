import { messages } from '../i18n';

const t = messages.attachments;

export interface AttachmentLimits {
  maxBytes: number;
  maxFiles: number;
}

export const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024));

/**
 * The first count or size problem of a selection, in German, or undefined. Pure, so the browser
 * can say it before uploading and the server says the same after.
 */
export function limitError(files: { name: string; size: number }[], limits: AttachmentLimits): string | undefined {
  if (files.length > limits.maxFiles) return t.tooMany(limits.maxFiles);
  for (const file of files) {
    if (file.size === 0) return t.empty(file.name);
    if (file.size > limits.maxBytes) return t.tooLarge(file.name, megabytes(limits.maxBytes));
  }
  return undefined;
}
