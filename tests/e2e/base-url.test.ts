/**
 * Without PUBLIC_BASE_URL the base URL for links in mails is the listening address, not
 * http://localhost:3000; outside the demo the server warns that such an address reaches nobody.
 */
import { expect, it } from 'vitest';
import { messages } from '../../lib/i18n';
import { startAppServer } from '../../scripts/app-server';
import { freshAppEnvironment } from '../helpers/app-environment';
import { ensureStaffAccounts, staffAccount } from '../helpers/staff';

it('takes the listening address as base URL and warns outside the demo when it is loopback', async () => {
  const { env, isPostgres, drop } = await freshAppEnvironment({ LOG_LEVEL: 'warn' });
  // Undefined, not deleted: the app-server helper would otherwise fill in its own.
  const unset = { PUBLIC_BASE_URL: undefined, NEXTAUTH_URL: undefined };
  let output = '';
  const app = await startAppServer({ ...env, ...unset }, 120_000, (text) => (output += text));
  try {
    const port = new URL(app.baseUrl).port;
    // Announced once the app answers healthy, which may be after the port opened.
    await expect.poll(() => output, { timeout: 60_000 }).toContain(`Lotse läuft: http://127.0.0.1:${port}`);
    const warning = messages.security.loopbackBaseUrl(`http://127.0.0.1:${port}`);
    if (isPostgres) expect(output).toContain(warning);
    else expect(output).not.toContain(warning);
  } finally {
    await app.stop();
    await drop();
  }
});

it('with the README production recipe (PUBLIC_BASE_URL=https://…, no NEXTAUTH_URL) sets secure cookies and signs out to the public address', async () => {
  const { env, isPostgres, drop } = await freshAppEnvironment({ LOG_LEVEL: 'warn' });
  const app = await startAppServer({ ...env, PUBLIC_BASE_URL: 'https://lotse.example', NEXTAUTH_URL: undefined }, 120_000, () => {});
  try {
    if (isPostgres) ensureStaffAccounts(env);
    const expert = staffAccount('expert');
    const csrf = await fetch(new URL('/api/auth/csrf', app.baseUrl));
    const csrfCookie = csrf.headers.getSetCookie().find((c) => c.includes('csrf-token'))!;
    expect(csrfCookie).toMatch(/^__Host-next-auth\.csrf-token=/);
    expect(csrfCookie).toMatch(/;\s*Secure/i);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrfCookie.split(';')[0]!;
    const signedIn = await fetch(new URL('/api/auth/callback/credentials', app.baseUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ csrfToken, email: expert.email, password: expert.password, json: 'true' }),
    });
    const session = signedIn.headers.getSetCookie().find((c) => c.includes('session-token'))!;
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(session).toMatch(/;\s*Secure/i);
    const signedOut = await fetch(new URL('/api/auth/signout', app.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${cookie}; ${session.split(';')[0]}` },
      body: new URLSearchParams({ csrfToken, callbackUrl: '/login', json: 'true' }),
    });
    expect(((await signedOut.json()) as { url: string }).url).toBe('https://lotse.example/login');
  } finally {
    await app.stop();
    await drop();
  }
});
