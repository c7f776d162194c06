import { z } from 'zod';

const intFrom = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const envSchema = z.object({
  // Explicit switch for real deployments: refuses to start without a secret and PostgreSQL.
  LOTSE_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['demo', 'production']).optional()),
  DATABASE_URL: z.string().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  TRUST_PROXY_HOPS: intFrom(0),
  INTAKE_RATE_LIMIT: intFrom(5),
  INTAKE_RATE_WINDOW_MINUTES: intFrom(10),
  INTAKE_MIN_FILL_SECONDS: intFrom(3),
  STATUS_RATE_LIMIT: intFrom(20),
  SEARCH_RATE_LIMIT: intFrom(60),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Lotse <lotse@localhost>'),
  OUTBOX_INTERVAL_SECONDS: intFrom(5),
  FIRST_RESPONSE_WORKING_DAYS: intFrom(1),
  SESSION_MAX_AGE_HOURS: intFrom(10),
  LOGIN_MAX_FAILURES: intFrom(5),
  LOGIN_LOCKOUT_MINUTES: intFrom(15),
  // Unset: maps show only the bundled district outlines (works offline, sends nothing to third parties).
  MAP_TILE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^https?:\/\//).optional()),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  // Closed cases are anonymised this many months after their last change (lib/privacy/retention.ts).
  RETENTION_MONTHS: z.coerce.number().int().positive().default(24),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().positive().default(60),
  // Operator-supplied texts for /impressum and /datenschutz (lib/privacy/legal-text.ts).
  IMPRINT_FILE: z.string().optional(),
  PRIVACY_POLICY_FILE: z.string().optional(),
});

export type Config = z.infer<typeof envSchema> & { baseUrl: string; isDemo: boolean };

/** Reads the environment on each call, so tests and scripts can change it. */
export function config(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.parse(env);
  return {
    ...parsed,
    baseUrl: (parsed.PUBLIC_BASE_URL ?? parsed.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
    isDemo: !parsed.DATABASE_URL,
  };
}
