import { asc, eq, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import type { ActionResult } from '../action-result';
import { users, type User } from '../../db/schema';
import type { StaffRole } from '../cases/vocabulary';
import { messages } from '../i18n';
import { log } from '../log';
import { hashPassword, verifyPassword } from './password';
import { throttledPasswordCheck } from './password-throttle';
import type { CreateUserInput } from './schema';
import { revokeUserSessions } from './session-store';
import { assertRole, type StaffUser } from './staff';

export function findUserByEmail(email: string): Promise<User | undefined> {
  return db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .then((rows) => rows[0]);
}

export function findUserById(id: number): Promise<User | undefined> {
  return db
    .select()
    .from(users)
    .where(eq(users.id, id))
    .then((rows) => rows[0]);
}

export function listUsers() {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .orderBy(asc(users.name));
}

/** Creates a staff account; used by admins in the UI and by `npm run user:create`. */
export async function createUser(input: CreateUserInput): Promise<ActionResult<{ id: number }>> {
  if (await findUserByEmail(input.email)) {
    return { ok: false, error: messages.users.emailTaken, fieldErrors: { email: messages.users.emailTaken } };
  }
  const [created] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) })
    .returning({ id: users.id });
  log.info({ event: 'user.created', userId: created!.id, role: input.role });
  return { ok: true, data: { id: created!.id } };
}

/** Admin changes to other accounts. An admin cannot lock themself out. */
export async function updateUser(
  actor: StaffUser,
  userId: number,
  change: { role?: StaffRole; active?: boolean; password?: string },
): Promise<ActionResult<null>> {
  assertRole(actor, 'admin');
  if (userId === actor.id && (change.role === 'expert' || change.active === false)) {
    return { ok: false, error: messages.users.notYourself };
  }
  const values: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
  if (change.role) values.role = change.role;
  if (change.active !== undefined) values.active = change.active;
  if (change.password) values.passwordHash = await hashPassword(change.password);
  // A reset password or a deactivation ends all existing sessions of that account.
  if (change.password || change.active === false) values.sessionsValidFrom = new Date();
  const updated = await db.update(users).set(values).where(eq(users.id, userId)).returning({ id: users.id });
  if (updated.length === 0) return { ok: false, error: messages.users.notFound };
  log.info({ event: 'user.updated', userId, by: actor.id, fields: Object.keys(change) });
  return { ok: true, data: null };
}

/**
 * Changes the caller's password and ends all their other sessions (the one given stays). The
 * current password is checked under the sign-in counters, so a stolen session cannot guess it.
 */
export async function changeOwnPassword(
  actor: StaffUser,
  session: { id: string; ip: string },
  currentPassword: string,
  newPassword: string,
): Promise<ActionResult<null>> {
  const user = await findUserById(actor.id);
  if (!user) return { ok: false, error: messages.users.notFound };
  const check = await throttledPasswordCheck(user.email, session.ip, () => verifyPassword(currentPassword, user.passwordHash));
  if (!check.ok) {
    const error = check.lockedOutMinutes ? messages.auth.lockedOut(check.lockedOutMinutes) : messages.users.wrongPassword;
    return { ok: false, error, fieldErrors: { currentPassword: error } };
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await revokeUserSessions(actor.id, session.id, tx);
  });
  log.info({ event: 'user.password_changed', userId: actor.id });
  return { ok: true, data: null };
}
