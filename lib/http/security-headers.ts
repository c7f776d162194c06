import type { Config } from '../config';

export interface SecurityHeaderOptions {
  /** Fresh per request; Next.js reads it from the request's CSP and puts it on its scripts. */
  nonce: string;
  /** `next dev` needs eval for React's error overlays; a production build never does. */
  isDev: boolean;
}

/**
 * The origin of the configured tile server as a CSP source, e.g. `https://*.tile.example.org`
 * for `https://{s}.tile.example.org/{z}/{x}/{y}.png`; undefined without tiles.
 */
export function tileSource(tileUrl: string | undefined): string | undefined {
  const match = tileUrl?.match(/^(https?):\/\/([^/?#]+)/);
  if (!match) return undefined;
  const host = match[2]!.replace(/^\{s\}\./, '*.');
  return /^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/.test(host) ? `${match[1]}://${host}` : undefined;
}

/**
 * HSTS and upgrade-insecure-requests only when the deployment says it is served over HTTPS
 * (PUBLIC_BASE_URL / NEXTAUTH_URL starts with https://): sent over plain HTTP on localhost they
 * would make browsers refuse the demo for a year.
 */
const isHttpsDeployment = (settings: Pick<Config, 'baseUrl'>) => settings.baseUrl.startsWith('https://');

export function contentSecurityPolicy(settings: Pick<Config, 'baseUrl' | 'MAP_TILE_URL'>, options: SecurityHeaderOptions) {
  const tiles = tileSource(settings.MAP_TILE_URL);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ''}`,
    // Leaflet positions map panes, markers and tiles with style attributes, and React renders
    // style props as attributes: those need 'unsafe-inline'. Style elements still need the nonce,
    // except in `next dev`, whose hot reloading injects style elements without one.
    `style-src 'self' ${options.isDev ? "'unsafe-inline'" : `'nonce-${options.nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttpsDeployment(settings) ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Headers every response carries, whatever it is (page, API, static file, error). */
export function securityHeaders(settings: Pick<Config, 'baseUrl' | 'MAP_TILE_URL'>, options: SecurityHeaderOptions) {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(settings, options),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    // Older browsers ignore frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (isHttpsDeployment(settings)) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
