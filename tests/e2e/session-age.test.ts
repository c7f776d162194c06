/**
 * A session ends SESSION_MAX_AGE_HOURS after sign-in on the server, whatever the cookie says:
 * the session row is backdated while the server is stopped, then the same cookie is refused.
 */
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { expect, it } from 'vitest';
import { signInOverHttp } from '../../scripts/http-session';
import { startAppServer } from '../../scripts/app-server';
import { freshAppEnvironment } from '../helpers/app-environment';
import { ensureStaffAccounts, staffAccount } from '../helpers/staff';

const BACKDATE = `update staff_sessions set created_at = now() - interval '11 hours'`;

async function backdateSessions(env: NodeJS.ProcessEnv) {
  if (env.DATABASE_URL) {
    const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await sql.unsafe(BACKDATE);
    await sql.end();
  } else {
    const pglite = new PGlite(env.PGLITE_DIR!);
    await pglite.exec(BACKDATE);
    await pglite.close();
  }
}

it('refuses a cookie whose session began more than SESSION_MAX_AGE_HOURS (10) ago', async () => {
  const { env, isPostgres, drop } = await freshAppEnvironment({ SESSION_MAX_AGE_HOURS: '10' });
  const expert = staffAccount('expert');
  const queue = async (baseUrl: string, cookie: string) =>
    (await fetch(new URL('/cases', baseUrl), { redirect: 'manual', headers: { cookie } })).status;
  let app = await startAppServer(env, 120_000, () => {});
  try {
    if (isPostgres) ensureStaffAccounts(env);
    const cookie = (await signInOverHttp(app.baseUrl, expert.email, expert.password)).header();
    expect(await queue(app.baseUrl, cookie)).toBe(200);
    await app.stop();
    await backdateSessions(env);
    app = await startAppServer(env, 120_000, () => {});
    expect(await queue(app.baseUrl, cookie)).toBe(307);
  } finally {
    await app.stop();
    await drop();
  }
});
