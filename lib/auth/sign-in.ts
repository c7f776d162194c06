import { config } from '../config';
import { messages } from '../i18n';
import { log } from '../log';
import { type Limit, consume, peek, reset } from '../rate-limit';
import { burnVerification, verifyPassword } from './password';
import type { StaffUser } from './staff';
import { findUserByEmail } from './users';

function limits(): { account: Limit; address: Limit } {
  const { LOGIN_MAX_FAILURES, LOGIN_LOCKOUT_MINUTES } = config();
  const window = LOGIN_LOCKOUT_MINUTES * 60;
  return {
    account: { name: 'login-account', points: LOGIN_MAX_FAILURES, windowSeconds: window, blockSeconds: window },
    address: { name: 'login-address', points: LOGIN_MAX_FAILURES * 4, windowSeconds: window, blockSeconds: window },
  };
}

export type SignInResult = { ok: true; user: StaffUser } | { ok: false; error: string };

/**
 * Checks credentials with lockout per account and per address. Failures for unknown emails
 * count the same as for real ones, and every refusal reads the same: nothing tells an
 * attacker which accounts exist.
 */
export async function verifySignIn(email: string, password: string, ip: string): Promise<SignInResult> {
  const { account, address } = limits();
  const accountKey = email.trim().toLowerCase();
  for (const [limit, key] of [
    [account, accountKey],
    [address, ip],
  ] as const) {
    const state = await peek(limit, key);
    if (!state.ok) {
      log.info({ event: 'auth.locked_out', scope: limit.name });
      return { ok: false, error: messages.auth.lockedOut(Math.ceil(state.retryAfterSeconds / 60)) };
    }
  }

  const user = await findUserByEmail(email);
  const valid = user ? await verifyPassword(password, user.passwordHash) : (await burnVerification(password), false);
  if (!user || !valid || !user.active) {
    await consume(account, accountKey);
    await consume(address, ip);
    log.info({ event: 'auth.failed' });
    return { ok: false, error: messages.auth.invalidCredentials };
  }
  await reset(account, accountKey);
  log.info({ event: 'auth.signed_in', userId: user.id });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
