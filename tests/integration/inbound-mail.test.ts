/**
 * Replies by plain email against a real IMAP server (Debian's dovecot, started for this file):
 * the worker fetches unseen mail, records each exactly once (also with two workers at once and
 * after a crash between commit and \Seen flag) and keeps what it cannot match for staff.
 */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { attachments, caseEvents, caseMessages, cases, inboundMailFiles, inboundMails, outbox, type Case } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { sendMessage } from '@/lib/conversations';
import { attachMailToCase } from '@/lib/inbound/attach';
import { fetchInboundMail } from '@/lib/inbound/fetch';
import type { ImapSettings } from '@/lib/inbound/settings';
import { listUnassignedMail, startCaseFromMail } from '@/lib/inbound/unassigned';
import { messages } from '@/lib/i18n';
import { anonymiseCases } from '@/lib/privacy/anonymise';
import { eraseRequester, exportRequester } from '@/lib/privacy/requester';
import { newCase, staffUser } from '../helpers/factories';
import { simpleParser } from 'mailparser';
import { processOutbox } from '@/lib/outbox/worker';
import { freePort } from '../../scripts/app-server';
import { startImapServer, type ImapTestServer } from '../helpers/imap-server';
import { startSmtpSink } from '../helpers/smtp-sink';

const INBOUND = 'antwort@agentur.example';
let imap: ImapTestServer;
let settings: ImapSettings;
let erika: StaffUser;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  imap = await startImapServer();
  settings = { ...imap.settings, mailbox: 'INBOX' };
  process.env.INBOUND_ADDRESS = INBOUND;
  erika = await staffUser('Erika Expertin');
  const smtpPort = await freePort();
  smtp = await startSmtpSink(smtpPort);
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
});

afterAll(async () => {
  await imap?.stop();
  await smtp?.close();
  delete process.env.INBOUND_ADDRESS;
  delete process.env.SMTP_URL;
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
    await imap.deliver(
      mail(1, { attachments: [{ filename: 'angebot.pdf', content: Buffer.from('%PDF-1.4 test'), contentType: 'application/pdf' }] }),
    );
    expect(await fetchInboundMail(settings)).toMatchObject({ unassigned: 1, threaded: 0 });
    const [row] = await rows();
    expect(row).toMatchObject({
      state: 'unassigned',
      fromAddress: 'kontakt1@firma.example',
      subject: 'Frage 1',
      textBody: 'Antwort 1',
      caseId: null,
    });
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

/** Staff write to the requester; returns the mail as it leaves (Reply-To and subject with the token). */
async function staffWrites(c: Case) {
  const sent = await sendMessage(erika, {
    caseId: c.id,
    version: c.version,
    subject: `Rückfrage zu ${c.reference}`,
    body: 'Wie viele Stück?',
  });
  expect(sent.ok).toBe(true);
  const [mail] = await db.select().from(outbox).where(eq(outbox.caseId, c.id)).orderBy(desc(outbox.id)).limit(1);
  return mail!;
}
const inboundMessages = (caseId: number) =>
  db
    .select()
    .from(caseMessages)
    .where(and(eq(caseMessages.caseId, caseId), eq(caseMessages.direction, 'inbound')));

describe('UIDVALIDITY', () => {
  it('a row from an earlier generation of the mailbox with the same UID does not swallow a new mail', async () => {
    await imap.deliver(mail(9));
    await fetchInboundMail(settings);
    const [first] = await rows();
    // The mailbox was recreated: its next mail gets a UID an old row already had, under another UIDVALIDITY.
    await db
      .update(inboundMails)
      .set({ uidValidity: first!.uidValidity - 1, uid: first!.uid + 1 })
      .where(eq(inboundMails.id, first!.id));
    await imap.deliver(mail(10));
    expect(await fetchInboundMail(settings)).toMatchObject({ unassigned: 1, already_done: 0 });
    expect((await rows()).map((r) => r.subject).sort()).toEqual(['Frage 10', 'Frage 9']);
  });
});

describe('threading by the reply token', () => {
  it('a reply to the Reply-To address of the mail as sent lands in its case once, even when fetched again', async () => {
    const c = await newCase({ email: 'einkauf@maskenwerk.example' });
    await staffWrites(c);
    await processOutbox();
    const sent = await simpleParser(smtp.received.filter((m) => m.to.includes(c.email)).at(-1)!.raw);
    const replyTo = sent.replyTo!.value[0]!.address!;
    expect(replyTo).toMatch(/^antwort\+\d+\.[\w-]{43}@agentur\.example$/);
    // A subject without the tag: the address alone must find the case.
    const reply = { from: c.email, to: replyTo, subject: 'Re: Stückzahl', text: `500 Stück.\n\n> Wie viele Stück?` };
    await imap.deliver(reply);
    expect(await fetchInboundMail(settings, { skipFlag: true })).toMatchObject({ threaded: 1, unassigned: 0 });
    expect(await fetchInboundMail(settings)).toMatchObject({ threaded: 0, already_done: 1 });
    expect(await inboundMessages(c.id)).toMatchObject([{ channel: 'email', subject: 'Re: Stückzahl', body: '500 Stück.' }]);
    expect(await rows()).toMatchObject([{ state: 'threaded', caseId: c.id }]);
    const events = await db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'reply_received')));
    expect(events).toHaveLength(1);
  });

  it('a reply keeps its files that pass the upload checks and names the one left out', async () => {
    const c = await newCase();
    const out = await staffWrites(c);
    await imap.deliver({
      from: c.email,
      to: out.replyTo!,
      subject: 'Re: Unterlagen',
      text: 'Anbei das Datenblatt.',
      attachments: [
        { filename: 'datenblatt.pdf', content: Buffer.from('%PDF-1.4 Datenblatt'), contentType: 'application/pdf' },
        { filename: 'setup.exe', content: Buffer.from('MZ\x90\x00 program'), contentType: 'application/octet-stream' },
      ],
    });
    expect(await fetchInboundMail(settings)).toMatchObject({ threaded: 1 });
    const [message] = await inboundMessages(c.id);
    expect(message!.body).toContain('Anbei das Datenblatt.');
    expect(message!.body).toContain('[Anhang „setup.exe“ nicht übernommen:');
    const files = await db.select().from(attachments).where(eq(attachments.caseId, c.id));
    expect(files).toMatchObject([{ messageId: message!.id, fileName: 'datenblatt.pdf', mediaType: 'application/pdf' }]);
  });

  it('a reply to the plain address finds its case by the tag in the subject', async () => {
    const c = await newCase();
    const out = await staffWrites(c);
    expect(out.subject).toMatch(new RegExp(`\\[${c.reference}#\\d+\\.[\\w-]{43}\\]$`));
    await imap.deliver({ from: c.email, to: INBOUND, subject: `AW: ${out.subject}`, text: 'Ja, ab Januar.' });
    expect(await fetchInboundMail(settings)).toMatchObject({ threaded: 1 });
    expect(await inboundMessages(c.id)).toMatchObject([{ body: 'Ja, ab Januar.' }]);
  });

  it('a forged token or a bare reference threads nothing: the mail goes to the unassigned list', async () => {
    const c = await newCase();
    const out = await staffWrites(c);
    const [, real] = /\+(\d+\.[\w-]{43})@/.exec(out.replyTo!)!;
    const forged = `${real!.split('.')[0]}.${'A'.repeat(43)}`;
    await imap.deliver({
      from: 'mallory@evil.example',
      to: `antwort+${forged}@agentur.example`,
      subject: `Re: [${c.reference}#${forged}]`,
      text: 'Bitte Daten ändern.',
    });
    await imap.deliver({ from: 'mallory@evil.example', to: INBOUND, subject: `Re: Ihre Anfrage ${c.reference}`, text: 'Noch einmal.' });
    expect(await fetchInboundMail(settings)).toMatchObject({ threaded: 0, unassigned: 2 });
    expect(await inboundMessages(c.id)).toEqual([]);
  });

  it('a reply to an erased case goes to the unassigned list', async () => {
    const c = await newCase();
    const out = await staffWrites(c);
    await db.transaction((tx) => anonymiseCases(tx, [c.id], { kind: 'erasure', actorId: erika.id }));
    await imap.deliver({ from: c.email, to: out.replyTo!, subject: 'Re: Anfrage', text: 'Noch da?' });
    expect(await fetchInboundMail(settings)).toMatchObject({ threaded: 0, unassigned: 1 });
    expect(await inboundMessages(c.id)).toEqual([]);
  });
});

describe('the unassigned list', () => {
  it('staff attach a mail to a case by its reference: it becomes the reply there, and leaves the list', async () => {
    const c = await newCase();
    await imap.deliver({
      from: c.email,
      to: INBOUND,
      subject: 'Unsere Anfrage',
      text: 'Wir brauchen doch 800 Stück.',
      attachments: [{ filename: 'zeichnung.pdf', content: Buffer.from('%PDF-1.4 Zeichnung'), contentType: 'application/pdf' }],
    });
    await fetchInboundMail(settings);
    const [listed] = await listUnassignedMail(erika);
    expect(listed).toMatchObject({ fromAddress: c.email, subject: 'Unsere Anfrage', textBody: 'Wir brauchen doch 800 Stück.' });

    const unknown = await attachMailToCase(erika, { mailId: listed!.id, reference: 'LS-1999-99999' });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { reference: messages.inbound.caseNotFound } });
    expect(await attachMailToCase(erika, { mailId: listed!.id, reference: c.reference })).toMatchObject({
      ok: true,
      data: { caseId: c.id },
    });
    expect(await inboundMessages(c.id)).toMatchObject([{ body: 'Wir brauchen doch 800 Stück.' }]);
    expect(await rows()).toMatchObject([{ state: 'attached', caseId: c.id, handledBy: erika.id }]);
    const [reply] = await inboundMessages(c.id);
    expect(await db.select().from(attachments).where(eq(attachments.caseId, c.id))).toMatchObject([
      { messageId: reply!.id, fileName: 'zeichnung.pdf' },
    ]);
    expect(await db.select().from(inboundMailFiles)).toEqual([]);
    expect(await listUnassignedMail(erika)).toEqual([]);
    expect(await attachMailToCase(erika, { mailId: listed!.id, reference: c.reference })).toEqual({
      ok: false,
      error: messages.inbound.alreadyHandled,
    });
  });

  it('staff start a new case from a mail: sender as contact, category other, in triage, in the case history', async () => {
    await imap.deliver({
      from: 'Bernd Bauer <bernd@bauer-gmbh.example>',
      to: INBOUND,
      subject: 'Suche Zulieferer',
      text: 'Wir suchen Gussteile.',
    });
    await fetchInboundMail(settings);
    const [listed] = await listUnassignedMail(erika);
    const created = await startCaseFromMail(erika, { mailId: listed!.id });
    expect(created.ok).toBe(true);
    const [row] = await db
      .select()
      .from(cases)
      .where(eq(cases.id, created.ok ? created.data.caseId : 0));
    expect(row).toMatchObject({ email: 'bernd@bauer-gmbh.example', organisation: 'bauer-gmbh.example', category: 'other', status: 'new' });
    expect(row!.description).toBe('Suche Zulieferer\n\nWir suchen Gussteile.');
    expect(row!.tags).toEqual([messages.inbound.caseTag]);
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, row!.id));
    expect(events).toMatchObject([{ type: 'submitted', actorId: erika.id }]);
    expect(await rows()).toMatchObject([{ state: 'new_case', caseId: row!.id }]);
    expect(await startCaseFromMail(erika, { mailId: listed!.id })).toEqual({ ok: false, error: messages.inbound.alreadyHandled });
  });
});

describe('erasure', () => {
  it('removes the personal data of a case’s fetched mails and the requester’s unassigned mail, keeping the key', async () => {
    const anna = await staffUser('Anna Admin', 'admin');
    const c = await newCase({ email: 'weg@loeschen.example' });
    const out = await staffWrites(c);
    await imap.deliver({ from: c.email, to: out.replyTo!, subject: 'Re: Anfrage', text: 'Meine Telefonnummer: 0361 123456' });
    await imap.deliver({
      from: c.email,
      to: INBOUND,
      subject: 'Noch eine Frage',
      text: 'Ohne Schlüssel',
      attachments: [{ filename: 'a.pdf', content: Buffer.from('%PDF-1.4 a') }],
    });
    expect(await fetchInboundMail(settings)).toMatchObject({ threaded: 1, unassigned: 1 });

    const exported = await exportRequester('Weg@Loeschen.example');
    expect(exported.unassignedMails).toMatchObject([{ subject: 'Noch eine Frage', text: 'Ohne Schlüssel' }]);
    expect(exported.cases[0]!.messages).toContainEqual(
      expect.objectContaining({ direction: 'inbound', body: 'Meine Telefonnummer: 0361 123456' }),
    );

    expect(await eraseRequester(anna, 'WEG@loeschen.example')).toMatchObject({ cases: 1 });
    const erased = await rows();
    expect(erased).toHaveLength(2);
    for (const row of erased) {
      expect(row).toMatchObject({
        fromAddress: '',
        subject: messages.dataProtection.anonymisedValue,
        textBody: messages.dataProtection.anonymisedValue,
      });
    }
    expect(erased.map((r) => r.state).sort()).toEqual(['discarded', 'threaded']);
    expect(await db.select().from(inboundMailFiles)).toEqual([]);
    expect(await listUnassignedMail(erika)).toEqual([]);
  });
});
