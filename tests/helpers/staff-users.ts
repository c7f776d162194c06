import type { Session } from 'next-auth';
import { startSession } from '@/lib/auth/session-store';
import { createUser, findUserByEmail, findUserById } from '@/lib/auth/users';
import type { StaffUser } from '@/lib/auth/staff';
import type { StaffRole } from '@/lib/cases/vocabulary';

/** A staff account in the test database (created on first use). */
export async function staffUser(name: string, role: StaffRole = 'expert'): Promise<StaffUser> {
  const email = `${name.toLowerCase().replace(/[^a-z]/g, '.')}@test.local`;
  if (!(await findUserByEmail(email))) await createUser({ email, name, role, password: 'test-password-123' });
  const user = (await findUserByEmail(email))!;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * A session as lib/auth/options.ts issues it at sign-in, with its session row; for an account
 * that does not exist, one whose id names no row.
 */
export async function signedInSession(user: StaffUser): Promise<Session> {
  const row = (await findUserById(user.id)) ? await startSession(user.id) : { id: 'no-such-session', createdAt: new Date() };
  return {
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
    signedInAt: row.createdAt.getTime(),
    sessionId: row.id,
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  };
}
