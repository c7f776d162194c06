import type { Config } from '../config';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

/**
 * True when a browser says the request comes from another site: `Sec-Fetch-Site` other than
 * same-origin/none, or an `Origin` whose host is neither this request's host nor the public
 * address. Clients that send neither header (servers, scripts, curl) are not browsers and pass;
 * a page on another site cannot strip them, so CSRF through a victim's browser is refused.
 */
export function isCrossSiteRequest(headers: Pick<Headers, 'get'>, settings: Pick<Config, 'baseUrl' | 'TRUST_PROXY_HOPS'>): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = headers.get('origin');
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, file://) or garbage
  }
  const ownHosts = [headers.get('host'), new URL(settings.baseUrl).host];
  // Only a trusted reverse proxy may name the public host for us.
  if (settings.TRUST_PROXY_HOPS > 0) ownHosts.push(headers.get('x-forwarded-host'));
  return !ownHosts.includes(originHost);
}
