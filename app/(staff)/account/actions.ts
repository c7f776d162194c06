'use server';

import { authorizeAction } from '@/app/guards';
import { requesterIp } from '@/app/requester-ip';
import type { ActionResult } from '@/lib/action-result';
import { changeOwnPasswordSchema } from '@/lib/auth/schema';
import { currentSession } from '@/lib/auth/session';
import { revokeUserSessions } from '@/lib/auth/session-store';
import { changeOwnPassword } from '@/lib/auth/users';
import { messages } from '@/lib/i18n';
import { fieldErrorsOf } from '@/lib/intake/schema';

export async function changeMyPassword(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction();
  if (!auth.ok) return auth;
  const parsed = changeOwnPasswordSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  // The session the change is made in stays; every other one ends (lib/auth/users.ts).
  const session = await currentSession();
  if (!session) return { ok: false, error: messages.auth.notSignedIn };
  const { currentPassword, newPassword } = parsed.data;
  const result = await changeOwnPassword(auth.data, { id: session.sessionId, ip: await requesterIp() }, currentPassword, newPassword);
  return result.ok ? { ok: true, data: null } : result;
}

/** "Überall abmelden": ends every session of the caller, this one included. */
export async function signOutEverywhere(): Promise<ActionResult<null>> {
  const auth = await authorizeAction();
  if (!auth.ok) return auth;
  await revokeUserSessions(auth.data.id);
  return { ok: true, data: null };
}
