import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { cases } from '../../db/schema';
import { createUser } from '../../lib/auth/users';
import { messages } from '../../lib/i18n';
import { freePort, type RunningApp, startAppServer } from '../../scripts/app-server';
import { ensureBuild } from '../../scripts/ensure-build';
import { type CookieJar, SESSION_COOKIE, signInOverHttp } from '../../scripts/http-session';
import { validRequest } from '../helpers/fixtures';
import { serverActionId } from '../helpers/server-actions';
import { startSmtpSink } from '../helpers/smtp-sink';
import { testServerUrl } from '../helpers/test-database';

// Two Lotse instances on one database, as behind a load balancer: everything they share
// (reference counters, outbox leases, rate-limit counters, sessions, case versions) lives in
// PostgreSQL, so nothing may depend on which instance answers.
const PASSWORD = 'Zwei-Instanzen-2026!';
const BURST = 40;

let instances: [RunningApp, RunningApp];
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const staff = {
  erika: { email: 'erika.eins@lotse.invalid', name: 'Erika Eins' },
  otto: { email: 'otto.zwei@lotse.invalid', name: 'Otto Zwei' },
  locked: { email: 'gesperrt@lotse.invalid', name: 'Gesperrt Gerd' },
};

const submit = (app: RunningApp, forwardedFor: string, email = `burst-${Math.random()}@example.org`) =>
  fetch(`${app.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify(validRequest({ email })),
  });

async function signInFails(app: RunningApp, email: string, password: string): Promise<boolean> {
  try {
    await signInOverHttp(app.baseUrl, email, password);
    return false;
  } catch {
    return true;
  }
}

/** Calls the case page's save action over HTTP as the form does; returns the RSC answer's text. */
async function saveCase(app: RunningApp, jar: CookieJar, input: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${app.baseUrl}/cases/${input.caseId}`, {
    method: 'POST',
    headers: {
      'next-action': serverActionId('saveCase'),
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      cookie: jar.header(),
    },
    body: JSON.stringify([input]),
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe.skipIf(!testServerUrl())(
  'two app instances on one PostgreSQL database (skipped on PGlite: one process owns an embedded database)',
  () => {
    beforeAll(async () => {
      ensureBuild();
      const smtpPort = await freePort();
      smtp = await startSmtpSink(smtpPort);
      for (const person of Object.values(staff)) {
        const created = await createUser({ ...person, password: PASSWORD, role: 'expert' });
        if (!created.ok) throw new Error(created.error);
      }
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PUBLIC_BASE_URL: 'http://lotse.invalid',
        NEXTAUTH_URL: 'http://lotse.invalid',
        NEXTAUTH_SECRET: 'the-same-secret-on-every-instance',
        TRUST_PROXY_HOPS: '1',
        INTAKE_RATE_LIMIT: '3',
        LOGIN_MAX_FAILURES: '2',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        OUTBOX_INTERVAL_SECONDS: '1',
        WEB_CONCURRENCY: '1',
        LOG_LEVEL: 'warn',
      };
      instances = (await Promise.all([startAppServer(env), startAppServer(env)])) as [RunningApp, RunningApp];
    }, 300_000);

    afterAll(async () => {
      await Promise.all((instances ?? []).map((app) => app.stop()));
      await smtp?.close();
    });

    it('numbers a burst to both without gaps or duplicates and sends each confirmation once', async () => {
      const responses = await Promise.all(Array.from({ length: BURST }, (_, i) => submit(instances[i % 2]!, `10.1.${i}.1`)));
      expect(responses.map((r) => r.status)).toEqual(Array(BURST).fill(201));
      const references = (await Promise.all(responses.map(async (r) => ((await r.json()) as { reference: string }).reference))).sort();
      const year = references[0]!.slice(3, 7);
      expect(references).toEqual(Array.from({ length: BURST }, (_, i) => `LS-${year}-${String(i + 1).padStart(5, '0')}`));

      // Both outbox workers poll every second; SKIP LOCKED and the lease keep them apart.
      const deadline = Date.now() + 30_000;
      while (smtp.received.length < BURST && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 2_500)); // a duplicate would arrive by now
      const mailed = smtp.received.map((mail) => references.find((ref) => mail.raw.includes(ref)));
      expect(mailed.sort()).toEqual(references);
    });

    it('counts the intake rate limit across both', async () => {
      const address = '10.2.0.1';
      for (const app of [instances[0], instances[1], instances[0]]) expect((await submit(app, address)).status).toBe(201);
      const refused = await submit(instances[1], address);
      expect(refused.status).toBe(429);
    });

    it('accepts a session from one instance on the other', async () => {
      const jar = await signInOverHttp(instances[0].baseUrl, staff.erika.email, PASSWORD);
      const page = await fetch(`${instances[1].baseUrl}/cases`, { headers: { cookie: jar.header() }, redirect: 'manual' });
      expect(page.status).toBe(200);
      const signedOut = await fetch(`${instances[1].baseUrl}/cases`, { redirect: 'manual' });
      expect(signedOut.status).not.toBe(200);
      expect(jar.has(SESSION_COOKIE)).toBe(true);
    });

    it('counts failed sign-ins across both, so the lockout holds on either', async () => {
      expect(await signInFails(instances[0], staff.locked.email, 'falsch-1')).toBe(true);
      expect(await signInFails(instances[1], staff.locked.email, 'falsch-2')).toBe(true);
      // The right password is refused now, on both, because the account is locked for this address.
      expect(await signInFails(instances[0], staff.locked.email, PASSWORD)).toBe(true);
      expect(await signInFails(instances[1], staff.locked.email, PASSWORD)).toBe(true);
    });

    it('refuses an edit collision across instances and names the other editor', async () => {
      const reference = ((await (await submit(instances[0], '10.3.0.1')).json()) as { reference: string }).reference;
      const [row] = await db.select({ id: cases.id, version: cases.version }).from(cases).where(eq(cases.reference, reference));
      const erika = await signInOverHttp(instances[0].baseUrl, staff.erika.email, PASSWORD);
      const otto = await signInOverHttp(instances[1].baseUrl, staff.otto.email, PASSWORD);
      const edit = { caseId: row!.id, version: row!.version, status: 'in_triage', priority: 'normal', tags: '' };

      const first = await saveCase(instances[0], erika, { ...edit, priority: 'high' });
      expect(first).not.toContain(messages.cases.conflict(staff.erika.name));
      const second = await saveCase(instances[1], otto, { ...edit, priority: 'low' });
      expect(second).toContain(messages.cases.conflict(staff.erika.name));
      const [after] = await db.select({ priority: cases.priority }).from(cases).where(eq(cases.id, row!.id));
      expect(after!.priority).toBe('high');
    });
  },
);
