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
function counters(email: string, ip: string): { address: Counter; pair: Counter; account: Counter } {
  const { LOGIN_MAX_FAILURES, LOGIN_LOCKOUT_MINUTES } = config();
  const window = LOGIN_LOCKOUT_MINUTES * 60;
  const limit = (name: string, points: number): Limit => ({ name, points, windowSeconds: window, blockSeconds: window });
  const account = email.trim().toLowerCase();
  return {
    address: [limit('login-address', LOGIN_MAX_FAILURES * 4), ip],
    pair: [limit('login-account-address', LOGIN_MAX_FAILURES), `${account}\n${ip}`],
    account: [limit('login-account', LOGIN_MAX_FAILURES * 10), account],
  };
}

type Counter = [Limit, string];

export type PasswordCheck = { ok: true } | { ok: false; lockedOutMinutes?: number };

/**
 * Runs `check` (a password comparison) only after taking a point from every counter, so that
 * concurrent attempts cannot all pass a check-then-count race; a success gives the points back.
 */
export async function throttledPasswordCheck(email: string, ip: string, check: () => Promise<boolean>): Promise<PasswordCheck> {
  const { address, pair, account } = counters(email, ip);
  // In this order: an account locked for everyone costs a refused address no account point.
  for (const [limit, key] of [address, pair, account]) {
    const taken = await consume(limit, key);
    if (!taken.ok) {
      log.info({ event: 'auth.locked_out', scope: limit.name });
      return { ok: false, lockedOutMinutes: Math.ceil(taken.retryAfterSeconds / 60) };
    }
  }
  if (!(await check())) return { ok: false };
  await refund(...address);
  await reset(...pair);
  await refund(...account);
  return { ok: true };
}
