import { messages } from '../i18n';

const MAX_NAME_LENGTH = 120;
// Control and format characters (bidi overrides, zero-width joiners) and line separators can
// disguise a name ("rechnung\u202Efdp.exe"); characters Windows refuses in names are replaced.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const RESERVED = /[<>:"|?*]/g;

/** The file's own name without any folder the browser or mail client sent along. */
const baseName = (name: string) => name.split(/[/\\]/).pop() ?? '';

/** The lower-case extension without the dot, or '' when the name has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * A name safe to store, list and offer for download: no path, no invisible or reserved
 * characters, no leading dots, at most 120 characters with the extension kept.
 */
export function sanitiseFileName(name: string): string {
  const cleaned = baseName(name.normalize('NFC'))
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned === '') return messages.attachments.unnamed;
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = extensionOf(cleaned);
  const tail = extension && extension.length < 20 ? `.${extension}` : '';
  return (
    chars
      .slice(0, MAX_NAME_LENGTH - [...tail].length)
      .join('')
      .trimEnd() + tail
  );
}

/** RFC 6266 / RFC 8187: an ASCII fallback for old clients and the exact name as UTF-8. */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '_') || 'datei';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
