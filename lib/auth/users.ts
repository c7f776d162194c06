import { asc, eq, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import type { ActionResult } from '../action-result';
import { users, type User } from '../../db/schema';
import type { StaffRole } from '../cases/vocabulary';
import { messages } from '../i18n';
import { log } from '../log';
import { hashPassword, verifyPassword } from './password';
import type { CreateUserInput } from './schema';
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

export async function changeOwnPassword(actor: StaffUser, currentPassword: string, newPassword: string): Promise<ActionResult<null>> {
  const user = await findUserById(actor.id);
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    return {
      ok: false,
      error: messages.users.wrongPassword,
      fieldErrors: { currentPassword: messages.users.wrongPassword },
    };
  }
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() })
    .where(eq(users.id, actor.id));
  log.info({ event: 'user.password_changed', userId: actor.id });
  return { ok: true, data: null };
}
