import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { attachments, caseEvents, cases, outbox, rateLimits, referenceCounters } from '@/db/schema';
import { acceptHelpRequest } from '@/lib/intake/accept';
import { issueFormToken } from '@/lib/intake/form-token';
import { validRequest } from '../helpers/fixtures';
import { samplePdf, samplePng, sampleExe } from '../helpers/sample-files';

const envelope = () => ({ website: '', form_token: issueFormToken(Date.now() - 10_000), idempotency_key: randomUUID() });

async function countRows() {
  const rows = await Promise.all([cases, caseEvents, outbox, attachments].map((table) => db.select({ n: count() }).from(table)));
  const [c, e, o, a] = rows.map((r) => r[0]!.n);
  return { cases: c, events: e, mails: o, files: a };
}

beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters}, ${rateLimits} cascade`);
});

afterEach(() => {
  delete process.env.ATTACHMENT_MAX_FILES;
  delete process.env.ATTACHMENT_MAX_BYTES;
});

it('stores the request and its files together', async () => {
  const result = await acceptHelpRequest(validRequest(), {
    ip: '10.1.0.1',
    envelope: envelope(),
    files: [
      { name: 'Datenblatt.pdf', bytes: samplePdf() },
      { name: 'Muster.png', bytes: samplePng() },
    ],
  });
  expect(result).toMatchObject({ ok: true, created: true });
  const [stored] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.reference, (result as { reference: string }).reference));
  const files = await db
    .select({
      caseId: attachments.caseId,
      messageId: attachments.messageId,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
    })
    .from(attachments);
  expect(files).toEqual([
    { caseId: stored!.id, messageId: null, fileName: 'Datenblatt.pdf', mediaType: 'application/pdf' },
    { caseId: stored!.id, messageId: null, fileName: 'Muster.png', mediaType: 'image/png' },
  ]);
});

it('refuses the whole request with a German message naming the bad file, storing nothing', async () => {
  const result = await acceptHelpRequest(validRequest(), {
    ip: '10.1.0.2',
    envelope: envelope(),
    files: [
      { name: 'Datenblatt.pdf', bytes: samplePdf() },
      { name: 'Angebot.pdf', bytes: sampleExe() },
    ],
  });
  expect(result).toMatchObject({
    ok: false,
    reason: 'invalid',
    fieldErrors: { files: expect.stringContaining('„Angebot.pdf“ hat kein erlaubtes Format') },
  });
  expect(await countRows()).toEqual({ cases: 0, events: 0, mails: 0, files: 0 });
});

it('refuses more files or larger files than configured, storing nothing', async () => {
  process.env.ATTACHMENT_MAX_FILES = '2';
  process.env.ATTACHMENT_MAX_BYTES = String(1024 * 1024);
  const three = Array.from({ length: 3 }, (_, i) => ({ name: `Blatt ${i}.pdf`, bytes: samplePdf() }));
  expect(await acceptHelpRequest(validRequest(), { ip: '10.1.0.3', envelope: envelope(), files: three })).toMatchObject({
    ok: false,
    error: 'Bitte hängen Sie höchstens 2 Dateien an.',
  });
  const large = [{ name: 'Zeichnung.pdf', bytes: Buffer.concat([samplePdf(), Buffer.alloc(1024 * 1024)]) }];
  expect(await acceptHelpRequest(validRequest(), { ip: '10.1.0.3', envelope: envelope(), files: large })).toMatchObject({
    ok: false,
    error: 'Die Datei „Zeichnung.pdf“ ist zu groß: erlaubt sind höchstens 1 MB je Datei.',
  });
  expect(await countRows()).toEqual({ cases: 0, events: 0, mails: 0, files: 0 });
});
