/**
 * Replies by plain email against a real IMAP server (Debian's dovecot, started for this file):
 * the worker fetches unseen mail, records each exactly once (also with two workers at once and
 * after a crash between commit and \Seen flag) and keeps what it cannot match for staff.
 */
import { asc, count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { inboundMailFiles, inboundMails } from '@/db/schema';
import { fetchInboundMail } from '@/lib/inbound/fetch';
import type { ImapSettings } from '@/lib/inbound/settings';
import { startImapServer, type ImapTestServer } from '../helpers/imap-server';

const INBOUND = 'antwort@agentur.example';
let imap: ImapTestServer;
let settings: ImapSettings;

beforeAll(async () => {
  imap = await startImapServer();
  settings = { ...imap.settings, mailbox: 'INBOX' };
  process.env.INBOUND_ADDRESS = INBOUND;
});

afterAll(async () => {
  await imap?.stop();
  delete process.env.INBOUND_ADDRESS;
});

beforeEach(async () => {
  await db.execute(sql`truncate ${inboundMails} cascade`);
});

const mail = (n: number, extra: Partial<Parameters<ImapTestServer['deliver']>[0]> = {}) => ({
  from: `Firma ${n} <kontakt${n}@firma.example>`,
  to: INBOUND,
  subject: `Frage ${n}`,
  text: `Antwort ${n}\n\nAm 1. Dezember 2026 schrieb Lotse <lotse@agentur.example>:\n> alte Nachricht`,
  ...extra,
});
const rows = () => db.select().from(inboundMails).orderBy(asc(inboundMails.uid));

describe('inbound mail without a reply token', () => {
  it('goes to the unassigned list once, with its text (quote trimmed) and files, and is flagged seen', async () => {
    await imap.deliver(mail(1, { attachments: [{ filename: 'angebot.pdf', content: Buffer.from('%PDF-1.4 test'), contentType: 'application/pdf' }] }));
    expect(await fetchInboundMail(settings)).toMatchObject({ unassigned: 1, threaded: 0 });
    const [row] = await rows();
    expect(row).toMatchObject({ state: 'unassigned', fromAddress: 'kontakt1@firma.example', subject: 'Frage 1', textBody: 'Antwort 1', caseId: null });
    const files = await db.select().from(inboundMailFiles);
    expect(files).toMatchObject([{ inboundMailId: row!.id, fileName: 'angebot.pdf', mediaType: 'application/pdf', byteSize: 13 }]);
    expect(await imap.unseenUids()).toEqual([]);
    expect(await fetchInboundMail(settings)).toMatchObject({ unassigned: 0, threaded: 0, already_done: 0 });
    expect(await rows()).toHaveLength(1);
  });
});

describe('exactly once', () => {
  it('two workers fetching the same mailbox at once process each mail once', async () => {
    for (let n = 1; n <= 6; n++) await imap.deliver(mail(n));
    const [a, b] = await Promise.all([fetchInboundMail(settings), fetchInboundMail(settings)]);
    expect(a.unassigned + b.unassigned).toBe(6);
    const stored = await rows();
    expect(stored.map((r) => r.subject).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Frage ${n}`));
    const [{ n }] = (await db.select({ n: count() }).from(inboundMails)) as [{ n: number }];
    expect(n).toBe(6);
    expect(await imap.unseenUids()).toEqual([]);
  });

  it('a crash after the commit and before the \\Seen flag processes nothing twice', async () => {
    await imap.deliver(mail(7));
    await imap.deliver(mail(8));
    expect(await fetchInboundMail(settings, { skipFlag: true })).toMatchObject({ unassigned: 2 });
    const unseen = await imap.unseenUids();
    expect(unseen).toHaveLength(2);

    // The restarted worker finds both again, recognises them and only flags them.
    expect(await fetchInboundMail(settings)).toMatchObject({ unassigned: 0, threaded: 0, already_done: 2 });
    expect(await rows()).toHaveLength(2);
    expect(await imap.unseenUids()).toEqual([]);
  });
});
