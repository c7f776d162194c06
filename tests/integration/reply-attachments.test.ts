import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { sendThreadReply } from '@/app/(public)/request/thread/actions';
import { db } from '@/db/client';
import { attachments, caseEvents, caseMessages, cases, outbox, rateLimits, referenceCounters } from '@/db/schema';
import { readAttachment } from '@/lib/attachments/store';
import { seedDefaultTemplates, sendMessage } from '@/lib/conversations';
import { eraseRequester } from '@/lib/privacy/requester';
import { newCase } from '../helpers/factories';
import { sampleExe, samplePdf } from '../helpers/sample-files';
import { staffUser } from '../helpers/staff-users';

// Outside a Next request there is no cache to revalidate, nor request headers.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.10' }) }));

beforeAll(async () => {
  await seedDefaultTemplates();
});
beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters}, ${rateLimits} cascade`);
});

async function caseWithLink() {
  const c = await newCase({ email: 'petra@example.org' });
  const sent = await sendMessage(await staffUser('Erika Expertin'), {
    caseId: c.id,
    version: c.version,
    subject: 'Rückfrage',
    body: 'Datenblatt?',
    templateKey: 'query',
  });
  if (!sent.ok) throw new Error(sent.error);
  const [mail] = await db.select().from(outbox).where(eq(outbox.template, 'requester_message'));
  return { c, token: /\/request\/thread\/([\w.-]+)/.exec(mail!.body)![1]! };
}

const upload = (...files: [string, Buffer][]) => {
  const form = new FormData();
  for (const [name, bytes] of files) form.append('files', new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
  return form;
};

it('stores the reply’s files under its message; erasure removes message and files', async () => {
  const { c, token } = await caseWithLink();
  expect(await sendThreadReply({ token, body: 'Anbei das Datenblatt.', website: '' }, upload(['Datenblatt.pdf', samplePdf()]))).toEqual({
    ok: true,
    data: null,
  });
  const [reply] = await db.select().from(caseMessages).where(eq(caseMessages.direction, 'inbound'));
  const [file] = await db.select({ id: attachments.id, caseId: attachments.caseId, messageId: attachments.messageId }).from(attachments);
  expect(file).toMatchObject({ caseId: c.id, messageId: reply!.id });
  expect((await readAttachment(file!.id))!.bytes.equals(samplePdf())).toBe(true);

  await eraseRequester(await staffUser('Anna Admin', 'admin'), 'petra@example.org');
  expect(await db.$count(caseMessages)).toBe(0);
  expect(await db.$count(attachments)).toBe(0);
});

it('refuses a reply with a disguised program in German and stores neither reply nor file', async () => {
  const { token } = await caseWithLink();
  const result = await sendThreadReply(
    { token, body: 'Anbei.', website: '' },
    upload(['Datenblatt.pdf', samplePdf()], ['Preisliste.pdf', sampleExe()]),
  );
  expect(result).toEqual({
    ok: false,
    error: expect.stringContaining('„Preisliste.pdf“ hat kein erlaubtes Format'),
    fieldErrors: { files: expect.stringContaining('Preisliste.pdf') },
  });
  expect(await db.$count(caseMessages, eq(caseMessages.direction, 'inbound'))).toBe(0);
  expect(await db.$count(attachments)).toBe(0);
});
