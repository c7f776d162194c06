import { z } from 'zod';
import { messages } from './i18n';

const intFrom = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const envSchema = z.object({
  // Explicit switch for real deployments: refuses to start without a secret and PostgreSQL.
  LOTSE_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['demo', 'production']).optional()),
  DATABASE_URL: z.string().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('0.0.0.0')),
  TRUST_PROXY_HOPS: intFrom(0),
  INTAKE_RATE_LIMIT: intFrom(5),
  INTAKE_RATE_WINDOW_MINUTES: intFrom(10),
  INTAKE_MIN_FILL_SECONDS: intFrom(3),
  STATUS_RATE_LIMIT: intFrom(20),
  // Replies on the requester's thread page, per client address and 10 minutes.
  REPLY_RATE_LIMIT: intFrom(10),
  SEARCH_RATE_LIMIT: intFrom(60),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Lotse <lotse@localhost>'),
  OUTBOX_INTERVAL_SECONDS: intFrom(5),
  // Replies by plain email (lib/inbound): the worker runs when IMAP_HOST is set.
  IMAP_HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  IMAP_PORT: z.coerce.number().int().positive().default(993),
  IMAP_TLS: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false']).default('true')),
  IMAP_USER: z.string().default(''),
  IMAP_PASSWORD: z.string().default(''),
  IMAP_MAILBOX: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('INBOX')),
  // The address replies go to; outbound mail to requesters names antwort+<token>@… as Reply-To.
  INBOUND_ADDRESS: z.preprocess((v) => (v === '' ? undefined : v), z.string().email().optional()),
  INBOUND_INTERVAL_SECONDS: z.coerce.number().int().positive().default(60),
  FIRST_RESPONSE_WORKING_DAYS: intFrom(1),
  // How long the personal link in a message to a requester opens their thread.
  REPLY_LINK_DAYS: z.coerce.number().int().positive().default(30),
  // Requesters are asked how an introduction went this many days after it (lib/introductions/feedback-request.ts).
  FEEDBACK_AFTER_DAYS: intFrom(7),
  FEEDBACK_LINK_DAYS: z.coerce.number().int().positive().default(30),
  FEEDBACK_INTERVAL_SECONDS: z.coerce.number().int().positive().default(3600),
  // Companies' entry checks (lib/suppliers/entry-check.ts): how long the link works, after how
  // many days a company is asked again, and how many the job asks per run (0: the job is off).
  ENTRY_LINK_DAYS: z.coerce.number().int().positive().default(30),
  ENTRY_CHECK_INTERVAL_DAYS: z.coerce.number().int().positive().default(365),
  ENTRY_CHECK_BATCH: intFrom(0),
  ENTRY_CHECK_JOB_MINUTES: z.coerce.number().int().positive().default(60),
  SESSION_MAX_AGE_HOURS: intFrom(10),
  // Availability checks to shortlisted suppliers (lib/availability): how long the link works,
  // after how many calendar days without an answer a reminder goes out, and how many at most.
  AVAILABILITY_LINK_DAYS: z.coerce.number().int().positive().default(14),
  AVAILABILITY_REMINDER_DAYS: z.coerce.number().int().positive().default(3),
  AVAILABILITY_MAX_REMINDERS: intFrom(1),
  AVAILABILITY_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().positive().default(30),
  // Answers on the supplier's availability page, per client address and 10 minutes.
  AVAILABILITY_RATE_LIMIT: intFrom(10),
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
  // The daily digest goes out on German working days from this hour (German time) on.
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  // Operator-supplied texts for /impressum and /datenschutz (lib/privacy/legal-text.ts).
  IMPRINT_FILE: z.string().optional(),
  PRIVACY_POLICY_FILE: z.string().optional(),
  // Files sent with requests and messages (lib/attachments); unset ATTACHMENT_DIR keeps them in the database.
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  ATTACHMENT_MAX_FILES: z.coerce.number().int().positive().default(5),
  ATTACHMENT_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
});

export type Config = z.infer<typeof envSchema> & { baseUrl: string; isDemo: boolean };

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);

/** Where the server can be reached when no public address is configured: its listening address. */
function listeningUrl(host: string, port: number): string {
  const name = ANY_ADDRESS.has(host) ? 'localhost' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

// Shared by every copy of this module in the process (Next.js bundles its own).
const globalForConfig = globalThis as unknown as { lotseFixedConfig?: Readonly<Config> };

/**
 * Reads the environment on each call, so tests and scripts can change it, until the app server
 * fixes it (`fixConfig`): zod over the environment cost ≈ 20 µs, about six times per request.
 */
export function config(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && globalForConfig.lotseFixedConfig) return globalForConfig.lotseFixedConfig;
  const parsed = envSchema.parse(env);
  return {
    ...parsed,
    baseUrl: (parsed.PUBLIC_BASE_URL ?? parsed.NEXTAUTH_URL ?? listeningUrl(parsed.HOST, parsed.PORT)).replace(/\/$/, ''),
    isDemo: !parsed.DATABASE_URL,
  };
}

/**
 * For the production server once Next.js has loaded its .env files: from then on the
 * environment stays as it is (`npm run dev` reloads changed .env files, so it never fixes it).
 */
export function fixConfig(): void {
  globalForConfig.lotseFixedConfig = Object.freeze(config());
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
