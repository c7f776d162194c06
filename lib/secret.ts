import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DEMO_SECRET_FILE = path.join(process.cwd(), '.data', 'secret');

/**
 * The server secret (signs sessions and form tokens). Production (DATABASE_URL set) must
 * supply NEXTAUTH_SECRET; the embedded demo keeps a generated one beside its database.
 */
export function serverSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.NEXTAUTH_SECRET || env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (env.DATABASE_URL) {
    throw new Error('NEXTAUTH_SECRET must be set when Lotse runs on PostgreSQL (DATABASE_URL).');
  }
  if (!existsSync(DEMO_SECRET_FILE)) {
    mkdirSync(path.dirname(DEMO_SECRET_FILE), { recursive: true });
    writeFileSync(DEMO_SECRET_FILE, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(DEMO_SECRET_FILE, 'utf8').trim();
}
