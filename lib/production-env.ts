import { config } from './config';
import { messages } from './i18n';

/**
 * Why Lotse must not start, or undefined. Production mode (LOTSE_ENV=production) is declared
 * explicitly because `npm start` on a fresh machine runs the embedded demo with a generated
 * secret; a real deployment must never fall back to that silently.
 */
export function productionRefusal(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (config(env).LOTSE_ENV !== 'production') return undefined;
  const missing = [...(env.NEXTAUTH_SECRET || env.AUTH_SECRET ? [] : ['NEXTAUTH_SECRET']), ...(env.DATABASE_URL ? [] : ['DATABASE_URL'])];
  return missing.length > 0 ? messages.security.productionMisconfigured(missing) : undefined;
}
