import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import type { CreateUserInput } from '@/lib/auth/schema';
import { verifySignIn } from '@/lib/auth/sign-in';
import { config } from '@/lib/config';
import { ForbiddenError, type StaffUser } from '@/lib/auth/staff';
import { changeOwnPassword, createUser, findUserById, listUsers, updateUser } from '@/lib/auth/users';
import { messages } from '@/lib/i18n';

const t = messages.users;
const refused = { ok: false, error: messages.auth.invalidCredentials };
const lockedOut = /Zu viele fehlgeschlagene Anmeldeversuche/;
const IP = '203.0.113.7';
const OTHER_IP = '198.51.100.23';
// A small limit keeps the lockout tests' sequential bcrypt checks short.
process.env.LOGIN_MAX_FAILURES = '3';
const MAX_FAILURES = config().LOGIN_MAX_FAILURES;

async function staff(input: Partial<CreateUserInput> & { email: string }): Promise<StaffUser> {
  const account: CreateUserInput = { name: 'Test Person', role: 'expert', password: 'richtig-geheim', ...input };
  const created = await createUser(account);
  if (!created.ok) throw new Error(`could not create ${account.email}`);
  return { id: created.data.id, email: account.email, name: account.name, role: account.role };
}

async function stored(id: number) {
  const user = await findUserById(id);
  if (!user) throw new Error(`user ${id} is gone`);
  return user;
}

/** Moves an account's session cut-off into the past, so a move forward is measurable. */
async function backdateSessions(id: number): Promise<Date> {
  const past = new Date(Date.now() - 60_000);
  await db.update(users).set({ sessionsValidFrom: past }).where(eq(users.id, id));
  return past;
}

beforeEach(async () => {
  await db.execute(sql`truncate users, rate_limits cascade`);
});

describe('createUser', () => {
  it('creates an active account with a hashed password', async () => {
    const anna = await staff({ email: 'anna@leg.example', name: 'Anna Admin', role: 'admin' });
    const user = await stored(anna.id);
    expect(user).toMatchObject({ email: 'anna@leg.example', name: 'Anna Admin', role: 'admin', active: true });
    expect(user.passwordHash).not.toContain('richtig-geheim');
    expect(await verifyPassword('richtig-geheim', user.passwordHash)).toBe(true);
    expect(await listUsers()).toEqual([{ id: anna.id, email: 'anna@leg.example', name: 'Anna Admin', role: 'admin', active: true }]);
  });

  it('refuses an email that exists in another letter case', async () => {
    await staff({ email: 'bert@leg.example' });
    const again = await createUser({
      email: 'Bert@LEG.example',
      name: 'Bert Zwei',
      role: 'expert',
      password: 'anderes-passwort',
    });
    expect(again).toEqual({ ok: false, error: t.emailTaken, fieldErrors: { email: t.emailTaken } });
    expect(await listUsers()).toHaveLength(1);
  });
});

describe('updateUser', () => {
  it('changes the role and deactivates and reactivates an account', async () => {
    const admin = await staff({ email: 'admin@leg.example', role: 'admin' });
    const bert = await staff({ email: 'bert@leg.example' });

    expect(await updateUser(admin, bert.id, { role: 'admin' })).toEqual({ ok: true, data: null });
    expect((await stored(bert.id)).role).toBe('admin');

    const before = await backdateSessions(bert.id);
    expect(await updateUser(admin, bert.id, { active: false })).toEqual({ ok: true, data: null });
    const deactivated = await stored(bert.id);
    expect(deactivated.active).toBe(false);
    expect(deactivated.sessionsValidFrom.getTime()).toBeGreaterThan(before.getTime());

    expect(await updateUser(admin, bert.id, { active: true })).toEqual({ ok: true, data: null });
    expect((await stored(bert.id)).active).toBe(true);
  });

  it('resets a password: the old one stops working and earlier sessions end', async () => {
    const admin = await staff({ email: 'admin@leg.example', role: 'admin' });
    const bert = await staff({ email: 'bert@leg.example' });
    const before = await backdateSessions(bert.id);

    expect(await updateUser(admin, bert.id, { password: 'ganz-neues-passwort' })).toEqual({ ok: true, data: null });
    const after = await stored(bert.id);
    expect(await verifyPassword('richtig-geheim', after.passwordHash)).toBe(false);
    expect(await verifyPassword('ganz-neues-passwort', after.passwordHash)).toBe(true);
    expect(after.sessionsValidFrom.getTime()).toBeGreaterThan(before.getTime());
  });

  it('does not let an admin deactivate or demote themself', async () => {
    const admin = await staff({ email: 'admin@leg.example', role: 'admin' });
    expect(await updateUser(admin, admin.id, { active: false })).toEqual({ ok: false, error: t.notYourself });
    expect(await updateUser(admin, admin.id, { role: 'expert' })).toEqual({ ok: false, error: t.notYourself });
    expect(await stored(admin.id)).toMatchObject({ role: 'admin', active: true });
  });

  it('refuses experts', async () => {
    const expert = await staff({ email: 'erika@leg.example' });
    const bert = await staff({ email: 'bert@leg.example' });
    await expect(updateUser(expert, bert.id, { role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateUser(expert, expert.id, { role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await stored(expert.id)).role).toBe('expert');
  });

  it('reports an account that does not exist', async () => {
    const admin = await staff({ email: 'admin@leg.example', role: 'admin' });
    expect(await updateUser(admin, admin.id + 1000, { active: false })).toEqual({ ok: false, error: t.notFound });
  });
});

describe('changeOwnPassword', () => {
  it('changes the password when the current one is right', async () => {
    const erika = await staff({ email: 'erika@leg.example' });
    expect(await changeOwnPassword(erika, { id: 'no-session', ip: IP }, 'richtig-geheim', 'mein-neues-passwort')).toEqual({
      ok: true,
      data: null,
    });
    expect(await verifyPassword('mein-neues-passwort', (await stored(erika.id)).passwordHash)).toBe(true);
  });

  it('refuses a wrong current password and keeps the old one', async () => {
    const erika = await staff({ email: 'erika@leg.example' });
    expect(await changeOwnPassword(erika, { id: 'no-session', ip: IP }, 'falsch-geraten', 'mein-neues-passwort')).toEqual({
      ok: false,
      error: t.wrongPassword,
      fieldErrors: { currentPassword: t.wrongPassword },
    });
    expect(await verifyPassword('richtig-geheim', (await stored(erika.id)).passwordHash)).toBe(true);
  });

  it('throttles guesses of the current password like sign-ins, so a stolen session cannot find it', async () => {
    const erika = await staff({ email: 'erika@leg.example' });
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await changeOwnPassword(erika, { id: 'no-session', ip: IP }, `falsch-${i}`, 'mein-neues-passwort')).toMatchObject({
        error: t.wrongPassword,
      });
    }
    const locked = await changeOwnPassword(erika, { id: 'no-session', ip: IP }, 'richtig-geheim', 'mein-neues-passwort');
    expect(!locked.ok && locked.fieldErrors?.currentPassword).toMatch(lockedOut);
    expect(await verifyPassword('richtig-geheim', (await stored(erika.id)).passwordHash)).toBe(true);
  });
});

describe('verifySignIn', () => {
  it('signs in with the right password, whatever the letter case of the email', async () => {
    const erika = await staff({ email: 'erika@leg.example', name: 'Erika Expertin' });
    expect(await verifySignIn(' Erika@LEG.example ', 'richtig-geheim', IP)).toEqual({ ok: true, user: erika });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await staff({ email: 'erika@leg.example' });
    const wrongPassword = await verifySignIn('erika@leg.example', 'falsch-geraten', IP);
    const unknownEmail = await verifySignIn('niemand@leg.example', 'richtig-geheim', IP);
    expect(wrongPassword).toEqual(refused);
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('locks an account for the address that failed, even for the right password, but not for other addresses', async () => {
    await staff({ email: 'erika@leg.example' });
    await staff({ email: 'bert@leg.example' });
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await verifySignIn('erika@leg.example', `falsch-${i}`, IP)).toEqual(refused);
    }
    const locked = await verifySignIn('erika@leg.example', 'richtig-geheim', IP);
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.error).toMatch(lockedOut);
    // A stranger's failures do not lock the colleague out at her own desk.
    expect(await verifySignIn('ERIKA@leg.example', 'richtig-geheim', OTHER_IP)).toMatchObject({ ok: true });
    expect(await verifySignIn('bert@leg.example', 'richtig-geheim', IP)).toMatchObject({ ok: true });
  });

  it('locks an account for every address after ten times the failures spread over many addresses', async () => {
    await staff({ email: 'erika@leg.example' });
    for (let i = 0; i < MAX_FAILURES * 10; i++) {
      expect(await verifySignIn('erika@leg.example', `falsch-${i}`, `10.0.${i}.1`)).toEqual(refused);
    }
    const locked = await verifySignIn('erika@leg.example', 'richtig-geheim', OTHER_IP);
    expect(!locked.ok && locked.error).toMatch(lockedOut);
  });

  it('checks no more passwords than the limit allows when wrong passwords arrive concurrently', async () => {
    await staff({ email: 'erika@leg.example' });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => verifySignIn('erika@leg.example', `falsch-${i}`, IP)));
    // Every "wrong password" answer is one password check; the rest must be lockouts.
    expect(answers.filter((a) => !a.ok && a.error === refused.error)).toHaveLength(MAX_FAILURES);

    await staff({ email: 'bert@leg.example' });
    const spread = await Promise.all(
      Array.from({ length: 120 }, (_, i) => verifySignIn('bert@leg.example', `falsch-${i}`, `10.1.${i % 30}.1`)),
    );
    expect(spread.filter((a) => !a.ok && a.error === refused.error)).toHaveLength(MAX_FAILURES * 10);
  });

  it('locks an address that tries many different emails', async () => {
    await staff({ email: 'erika@leg.example' });
    // Four times the per-account limit, spread over emails so no single account locks.
    for (let i = 0; i < MAX_FAILURES * 4; i++) {
      expect(await verifySignIn(`raten-${i}@leg.example`, 'irgendwas-1234', IP)).toEqual(refused);
    }
    const locked = await verifySignIn('erika@leg.example', 'richtig-geheim', IP);
    expect(!locked.ok && locked.error).toMatch(lockedOut);
    expect(await verifySignIn('erika@leg.example', 'richtig-geheim', OTHER_IP)).toMatchObject({ ok: true });
  });

  it('refuses a deactivated account with the generic message', async () => {
    const admin = await staff({ email: 'admin@leg.example', role: 'admin' });
    const bert = await staff({ email: 'bert@leg.example' });
    await updateUser(admin, bert.id, { active: false });
    expect(await verifySignIn('bert@leg.example', 'richtig-geheim', IP)).toEqual(refused);
  });
});
