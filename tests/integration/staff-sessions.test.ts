/**
 * Sessions end on the server: each sign-in has a row, and a revoked or too old row signs the
 * cookie out whatever its own expiry says (ASVS 7.3, 7.4.1).
 */
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { staffSessions } from '@/db/schema';
import { authOptions } from '@/lib/auth/options';
import { liveSessionUser, revokeSession, revokeUserSessions, startSession } from '@/lib/auth/session-store';
import { changeOwnPassword } from '@/lib/auth/users';
import { staffUser } from '../helpers/staff-users';

beforeEach(async () => {
  await db.execute(sql`truncate users, staff_sessions cascade`);
});

describe('staff sessions', () => {
  it('signs the token for the configured session length, not next-auth’s 30 days', () => {
    process.env.SESSION_MAX_AGE_HOURS = '7';
    try {
      const options = authOptions();
      expect(options.jwt?.maxAge).toBe(7 * 3600);
      expect(options.session?.maxAge).toBe(7 * 3600);
    } finally {
      delete process.env.SESSION_MAX_AGE_HOURS;
    }
  });

  it('keeps a fresh session and ends a revoked one', async () => {
    const erika = await staffUser('Erika Expertin');
    const session = await startSession(erika.id);
    expect((await liveSessionUser(session.id))?.id).toBe(erika.id);
    await revokeSession(session.id);
    expect(await liveSessionUser(session.id)).toBeUndefined();
  });

  it('ends a session the configured hours after sign-in, however recently it was used', async () => {
    const erika = await staffUser('Erika Expertin');
    const session = await startSession(erika.id);
    await db
      .update(staffSessions)
      .set({ createdAt: new Date(Date.now() - 10 * 3600_000 + 60_000) })
      .where(eq(staffSessions.id, session.id));
    expect(await liveSessionUser(session.id)).toBeDefined();
    await db
      .update(staffSessions)
      .set({ createdAt: new Date(Date.now() - 10 * 3600_000 - 60_000) })
      .where(eq(staffSessions.id, session.id));
    expect(await liveSessionUser(session.id)).toBeUndefined();
  });

  it('"Überall abmelden" ends every session of the account and no one else’s', async () => {
    const erika = await staffUser('Erika Expertin');
    const anke = await staffUser('Anke Admin', 'admin');
    const [phone, desk, other] = [await startSession(erika.id), await startSession(erika.id), await startSession(anke.id)];
    await revokeUserSessions(erika.id);
    expect(await liveSessionUser(phone.id)).toBeUndefined();
    expect(await liveSessionUser(desk.id)).toBeUndefined();
    expect(await liveSessionUser(other.id)).toBeDefined();
  });

  it('an own password change ends all other sessions and keeps the current one', async () => {
    const erika = await staffUser('Erika Expertin');
    const [current, stolen] = [await startSession(erika.id), await startSession(erika.id)];
    expect(await changeOwnPassword(erika, { id: current.id, ip: '203.0.113.7' }, 'test-password-123', 'ein-neues-passwort')).toEqual({
      ok: true,
      data: null,
    });
    expect(await liveSessionUser(current.id)).toBeDefined();
    expect(await liveSessionUser(stolen.id)).toBeUndefined();
  });

  it('drops an account’s expired rows at its next sign-in', async () => {
    const erika = await staffUser('Erika Expertin');
    const old = await startSession(erika.id);
    await db
      .update(staffSessions)
      .set({ createdAt: new Date(Date.now() - 11 * 3600_000) })
      .where(eq(staffSessions.id, old.id));
    await startSession(erika.id);
    expect(await db.select().from(staffSessions).where(eq(staffSessions.id, old.id))).toEqual([]);
  });
});
