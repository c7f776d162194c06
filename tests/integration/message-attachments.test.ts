/** A staff message with files: stored under the message, and sent as attachments of its mail. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { attachments, caseMessages, cases, outbox } from '@/db/schema';
import { checkAttachments } from '@/lib/attachments/validate';
import { seedDefaultTemplates, sendMessage } from '@/lib/conversations';
import { processOutbox } from '@/lib/outbox/worker';
import { freePort } from '../../scripts/app-server';
import { newCase, staffUser } from '../helpers/factories';
import { samplePdf } from '../helpers/sample-files';
import { startSmtpSink } from '../helpers/smtp-sink';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  await seedDefaultTemplates();
  const port = await freePort();
  sink = await startSmtpSink(port);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});
afterAll(async () => {
  await sink.close();
  delete process.env.SMTP_URL;
});
beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${outbox} cascade`);
});

it('stores the files under the message and mails them as attachments', async () => {
  const c = await newCase({ email: 'petra@example.org' });
  await db.delete(outbox); // the confirmation mail is not what this test looks at
  const checked = await checkAttachments([{ name: 'Angebot Müller.pdf', bytes: samplePdf() }], { maxBytes: 1024 * 1024, maxFiles: 5 });
  if (!checked.ok) throw new Error(checked.error);
  const sent = await sendMessage(await staffUser('Erika Expertin'), {
    caseId: c.id,
    version: c.version,
    subject: 'Angebot',
    body: 'Anbei das Angebot.',
    files: checked.files,
  });
  expect(sent).toMatchObject({ ok: true });
  const [message] = await db.select({ id: caseMessages.id }).from(caseMessages);
  expect(await db.select({ messageId: attachments.messageId, fileName: attachments.fileName }).from(attachments)).toEqual([
    { messageId: message!.id, fileName: 'Angebot Müller.pdf' },
  ]);
  const [mail] = await db.select({ messageId: outbox.messageId }).from(outbox).where(eq(outbox.template, 'requester_message'));
  expect(mail).toEqual({ messageId: message!.id });

  expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
  const raw = sink.received.at(-1)!.raw.replace(/\r?\n/g, '\n');
  expect(raw).toContain('Content-Type: application/pdf');
  expect(raw).toMatch(/Content-Disposition: attachment;\s*filename\*0\*?=|filename\*=|filename="/);
  const base64 = samplePdf().toString('base64');
  expect(raw.replace(/\n/g, '')).toContain(base64);
});
