import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { trimQuotedText } from './quote';

export interface InboundFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
  byteSize: number;
  sha256: string;
}

/** What Lotse keeps of a fetched mail. */
export interface ParsedMail {
  messageId: string | null;
  from: string;
  /** Every address the mail was sent to: the reply token may sit in any of them. */
  recipients: string[];
  subject: string;
  /** The plain text without the quoted earlier mail. */
  text: string;
  receivedAt: Date;
  files: InboundFile[];
}

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);

/** Parses a raw RFC 5322 message (MIME, encodings, HTML-only mails) with mailparser. */
export async function parseMail(source: Buffer, fallbackDate: Date = new Date()): Promise<ParsedMail> {
  const mail = await simpleParser(source, { skipImageLinks: true, skipHtmlToText: false });
  const deliveredTo = ['delivered-to', 'x-original-to']
    .flatMap((h) => [mail.headers.get(h)].flat())
    .map((v) => (typeof v === 'string' ? v : ''))
    .filter(Boolean);
  return {
    messageId: mail.messageId ?? null,
    from: addresses(mail.from)[0] ?? '',
    recipients: [...addresses(mail.to), ...addresses(mail.cc), ...deliveredTo],
    subject: (mail.subject ?? '').trim(),
    text: trimQuotedText(mail.text ?? ''),
    receivedAt: mail.date ?? fallbackDate,
    files: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || a.filename)
      .map((a) => ({
        fileName: a.filename ?? 'anhang',
        mediaType: a.contentType,
        content: a.content,
        byteSize: a.content.length,
        sha256: createHash('sha256').update(a.content).digest('hex'),
      })),
  };
}
