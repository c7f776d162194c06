import { getServerSession } from 'next-auth';
import { findUserById } from './users';
import { authOptions } from './options';
import type { StaffUser } from './staff';

/**
 * The signed-in, still active staff member, or null. Reads the account on every call: a
 * deactivated account or a session older than a password reset counts as signed out.
 */
export async function currentStaff(): Promise<StaffUser | null> {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  const user = await findUserById(session.user.id);
  if (!user || !user.active || session.signedInAt < user.sessionsValidFrom.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
