import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Counters for rate-limiter-flexible's RateLimiterDrizzle, shared by all app instances. An
 * UNLOGGED table (migration 0024; drizzle's schema cannot say so): its commits wait for no WAL
 * flush, and a crash of PostgreSQL empties it, which only restarts the counting.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});
