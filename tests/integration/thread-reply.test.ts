import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { lookUpStatus } from '@/app/(public)/request/status/actions';
import { sendThreadReply } from '@/app/(public)/request/thread/actions';
import { db } from '@/db/client';
import { caseEvents, caseMessages, cases, outbox, rateLimits, referenceCounters } from '@/db/schema';
import { seedDefaultTemplates, sendMessage, verifyAccessLink } from '@/lib/conversations';
import { messages } from '@/lib/i18n';
import { staffUser } from '../helpers/staff-users';
import { newCase } from '../helpers/factories';

// Outside a Next request there is no cache to revalidate, nor request headers.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9' }) }));

beforeAll(async () => {
  await seedDefaultTemplates();
  process.env.REPLY_RATE_LIMIT = '3';
});
afterAll(() => {
  delete process.env.REPLY_RATE_LIMIT;
});
beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters}, ${rateLimits} cascade`);
});

/** A case waiting after a query, and the token its mail carries. */
async function waitingCase() {
  const c = await newCase({ email: 'petra@example.org' });
  const sent = await sendMessage(await staffUser('Erika Expertin'), {
    caseId: c.id,
    version: c.version,
    subject: 'Rückfrage',
    body: 'Wie viele?',
    templateKey: 'query',
  });
  if (!sent.ok) throw new Error(sent.error);
  const [mail] = await db.select().from(outbox).where(eq(outbox.template, 'requester_message'));
  return { c, token: /\/request\/thread\/([\w.-]+)/.exec(mail!.body)![1]! };
}

const inbound = () => db.$count(caseMessages, eq(caseMessages.direction, 'inbound'));

describe('the reply on the thread page', () => {
  it('stores a reply through a valid link and returns the case from waiting', async () => {
    const { c, token } = await waitingCase();
    expect(await sendThreadReply({ token, body: '500 Stück, bitte.', website: '' })).toEqual({ ok: true, data: null });
    expect(await inbound()).toBe(1);
    const [stored] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(stored).toMatchObject({ status: 'in_triage' });
    expect(stored!.replyUnreadSince).not.toBeNull();
  });

  it('refuses a forged link, the honeypot and an overlong reply, storing nothing', async () => {
    const { token } = await waitingCase();
    const [id, signature] = token.split('.');
    const forged = `${Number(id) + 1}.${signature}`;
    expect(await sendThreadReply({ token: forged, body: 'Hallo', website: '' })).toEqual({
      ok: false,
      error: messages.conversations.linkGoneText,
    });
    expect(await sendThreadReply({ token, body: 'Hallo', website: 'http://spam.example' })).toEqual({
      ok: false,
      error: messages.errors.spamSuspected,
    });
    expect(await sendThreadReply({ token, body: 'x'.repeat(5001), website: '' })).toMatchObject({
      ok: false,
      fieldErrors: { body: messages.errors.tooLong(5000) },
    });
    expect(await inbound()).toBe(0);
  });

  it('limits replies per client address', async () => {
    const { token } = await waitingCase();
    for (let i = 0; i < 3; i++) expect(await sendThreadReply({ token, body: `Antwort ${i}`, website: '' })).toMatchObject({ ok: true });
    expect(await sendThreadReply({ token, body: 'Noch eine', website: '' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('Minute'),
    });
    expect(await inbound()).toBe(3);
  });
});

describe('the status lookup', () => {
  it('leads to the same thread with a working link', async () => {
    const { c } = await waitingCase();
    const result = await lookUpStatus({ reference: c.reference, email: 'Petra@Example.org' });
    if (!result.ok) throw new Error(result.error);
    const token = (result.data as { threadPath: string }).threadPath.replace('/request/thread/', '');
    expect(await verifyAccessLink(token, 'requester_thread')).toMatchObject({ ok: true, link: { caseId: c.id } });
  });
});
