import { z } from 'zod';
import { messages } from './i18n';

const intFrom = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const envSchema = z.object({
  // Explicit switch for real deployments: refuses to start without a secret and PostgreSQL.
  LOTSE_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['demo', 'production']).optional()),
  DATABASE_URL: z.string().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('0.0.0.0')),
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
  MAP_TILE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^https?:\/\//)
      .optional(),
  ),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  // Closed cases are anonymised this many months after their last change (lib/privacy/retention.ts).
  RETENTION_MONTHS: z.coerce.number().int().positive().default(24),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().positive().default(60),
  // Operator-supplied texts for /impressum and /datenschutz (lib/privacy/legal-text.ts).
  IMPRINT_FILE: z.string().optional(),
  PRIVACY_POLICY_FILE: z.string().optional(),
});

export type Config = z.infer<typeof envSchema> & { baseUrl: string; isDemo: boolean };

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);

/** Where the server can be reached when no public address is configured: its listening address. */
function listeningUrl(host: string, port: number): string {
  const name = ANY_ADDRESS.has(host) ? 'localhost' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** Reads the environment on each call, so tests and scripts can change it. */
export function config(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.parse(env);
  return {
    ...parsed,
    baseUrl: (parsed.PUBLIC_BASE_URL ?? parsed.NEXTAUTH_URL ?? listeningUrl(parsed.HOST, parsed.PORT)).replace(/\/$/, ''),
    isDemo: !parsed.DATABASE_URL,
  };
}

/**
 * Links in mails lead to the base URL: outside the demo, one on a loopback address reaches
 * nobody but the server itself. Returns the warning to print at start, or undefined.
 */
export function loopbackBaseUrlWarning(settings: Pick<Config, 'baseUrl' | 'isDemo'>): string | undefined {
  if (settings.isDemo) return undefined;
  const host = new URL(settings.baseUrl).hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
  return loopback ? messages.security.loopbackBaseUrl(settings.baseUrl) : undefined;
}
