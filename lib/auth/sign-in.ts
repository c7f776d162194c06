import { messages } from '../i18n';
import { log } from '../log';
import { burnVerification, verifyPassword } from './password';
import { throttledPasswordCheck } from './password-throttle';
import type { StaffUser } from './staff';
import { findUserByEmail } from './users';

export type SignInResult = { ok: true; user: StaffUser } | { ok: false; error: string };

/**
 * Checks credentials under the password counters (lib/auth/password-throttle.ts). Failures for
 * unknown emails count the same as for real ones, and every refusal reads the same: nothing
 * tells which accounts exist.
 */
export async function verifySignIn(email: string, password: string, ip: string): Promise<SignInResult> {
  const user = await findUserByEmail(email);
  const result = await throttledPasswordCheck(email, ip, async () => {
    if (user) return (await verifyPassword(password, user.passwordHash)) && user.active;
    await burnVerification(password);
    return false;
  });
  if (!result.ok) {
    if (result.lockedOutMinutes) return { ok: false, error: messages.auth.lockedOut(result.lockedOutMinutes) };
    log.info({ event: 'auth.failed' });
    return { ok: false, error: messages.auth.invalidCredentials };
  }
  log.info({ event: 'auth.signed_in', userId: user!.id });
  return { ok: true, user: { id: user!.id, email: user!.email, name: user!.name, role: user!.role } };
}
