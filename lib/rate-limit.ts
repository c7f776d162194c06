import { createHmac } from 'node:crypto';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { db } from '../db/client';
import { rateLimits } from '../db/schema';
import { serverSecret } from './secret';

export interface Limit {
  /** Names the counter family, e.g. "intake". */
  name: string;
  points: number;
  windowSeconds: number;
  /** Once over the limit, refuse for this long (default: until the window ends). */
  blockSeconds?: number;
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const limiters = new Map<string, RateLimiterDrizzle>();

function limiterFor(limit: Limit): RateLimiterDrizzle {
  const id = `${limit.name}:${limit.points}:${limit.windowSeconds}:${limit.blockSeconds ?? 0}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.windowSeconds,
      blockDuration: limit.blockSeconds ?? 0,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

/** Counters are keyed by a keyed hash, so the table holds no IP addresses or emails. */
function pseudonym(key: string): string {
  return createHmac('sha256', serverSecret()).update(key).digest('base64url').slice(0, 32);
}

/** Takes one point for `key`; the counters live in PostgreSQL and are shared by all instances. */
export async function consume(limit: Limit, key: string): Promise<LimitResult> {
  try {
    await limiterFor(limit).consume(pseudonym(key));
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
    throw error;
  }
}

/** Gives back one point taken for `key` (an attempt that turned out legitimate). */
export async function refund(limit: Limit, key: string): Promise<void> {
  await limiterFor(limit).reward(pseudonym(key), 1);
}

export async function reset(limit: Limit, key: string): Promise<void> {
  await limiterFor(limit).delete(pseudonym(key));
}
