import { config } from '../config';
import { log } from '../log';
import { type Limit, consume, refund, reset } from '../rate-limit';

/**
 * Three counters of password attempts, counted before the password is checked:
 * - one account from one address: the ordinary lockout, which locks out only that address;
 * - one address over all accounts: stops one address guessing many accounts;
 * - one account over all addresses: bounds guessing spread over many addresses. Set ten times
 *   higher, so a stranger cannot lock a colleague out with a few tries (docs/security.md).
 */
function limits(): Limit[] {
  const { LOGIN_MAX_FAILURES, LOGIN_LOCKOUT_MINUTES } = config();
  const window = LOGIN_LOCKOUT_MINUTES * 60;
  const limit = (name: string, points: number): Limit => ({ name, points, windowSeconds: window, blockSeconds: window });
  return [
    limit('login-address', LOGIN_MAX_FAILURES * 4),
    limit('login-account-address', LOGIN_MAX_FAILURES),
    limit('login-account', LOGIN_MAX_FAILURES * 10),
  ];
}

function keys(email: string, ip: string): string[] {
  const account = email.trim().toLowerCase();
  return [ip, `${account}\n${ip}`, account];
}

export type PasswordCheck = { ok: true } | { ok: false; lockedOutMinutes?: number };

/**
 * Runs `check` (a password comparison) only after taking a point from every counter, so that
 * concurrent attempts cannot all pass a check-then-count race; a success gives the points back.
 */
export async function throttledPasswordCheck(email: string, ip: string, check: () => Promise<boolean>): Promise<PasswordCheck> {
  const counters = limits().map((limit, i) => [limit, keys(email, ip)[i]!] as const);
  for (const [limit, key] of counters) {
    const taken = await consume(limit, key);
    if (!taken.ok) {
      log.info({ event: 'auth.locked_out', scope: limit.name });
      return { ok: false, lockedOutMinutes: Math.ceil(taken.retryAfterSeconds / 60) };
    }
  }
  if (!(await check())) return { ok: false };
  const [address, pair, account] = counters;
  await refund(...address!);
  await reset(...pair!);
  await refund(...account!);
  return { ok: true };
}
