import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { staffSessions, users, type User } from '../../db/schema';
import { config } from '../config';

/** A session ends this long after sign-in, however often it is renewed. */
export function sessionMaxAgeSeconds(): number {
  return config().SESSION_MAX_AGE_HOURS * 3600;
}

const oldestLiveStart = () => new Date(Date.now() - sessionMaxAgeSeconds() * 1000);

/** Records a sign-in; the returned id goes into the session cookie. */
export async function startSession(userId: number): Promise<{ id: string; createdAt: Date }> {
  const id = randomBytes(24).toString('base64url');
  // The user's expired rows are dropped here, so the table stays as small as the live sessions.
  await db.delete(staffSessions).where(and(eq(staffSessions.userId, userId), lt(staffSessions.createdAt, oldestLiveStart())));
  const [row] = await db.insert(staffSessions).values({ id, userId }).returning({ createdAt: staffSessions.createdAt });
  return { id, createdAt: row!.createdAt };
}

/** The account behind a session that is neither revoked nor older than the absolute limit. */
export async function liveSessionUser(sessionId: string): Promise<User | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(staffSessions)
    .innerJoin(users, eq(users.id, staffSessions.userId))
    .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.revokedAt), gt(staffSessions.createdAt, oldestLiveStart())));
  return row?.user;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db
    .update(staffSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.revokedAt)));
}

/** Ends all sessions of an account, except the one given (the caller's own). */
export async function revokeUserSessions(userId: number, except?: string, executor: Executor = db): Promise<void> {
  await executor
    .update(staffSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(staffSessions.userId, userId),
        isNull(staffSessions.revokedAt),
        except === undefined ? undefined : ne(staffSessions.id, except),
      ),
    );
}
