import { getServerSession } from 'next-auth';
import { authOptions } from './options';
import { liveSessionUser } from './session-store';
import type { StaffUser } from './staff';

/**
 * The signed-in, still active staff member and the id of their session, or null. Reads the
 * session row and the account on every call: a signed-out, revoked or too old session, a
 * deactivated account or a session older than a password reset counts as signed out.
 */
export async function currentSession(): Promise<{ user: StaffUser; sessionId: string } | null> {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id || !session.sessionId) return null;
  const user = await liveSessionUser(session.sessionId);
  if (!user || user.id !== session.user.id || !user.active || session.signedInAt < user.sessionsValidFrom.getTime()) return null;
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, sessionId: session.sessionId };
}

export async function currentStaff(): Promise<StaffUser | null> {
  return (await currentSession())?.user ?? null;
}
