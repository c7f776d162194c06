import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { config } from '../config';
import { messages } from '../i18n';
import { isCrossSiteRequest, isSafeMethod } from './cross-site';
import { securityHeaders } from './security-headers';

/**
 * Runs in scripts/server.ts before Next.js sees any request (pages, server actions, API routes,
 * static files): sets the security headers with a fresh CSP nonce and refuses state-changing
 * requests another site's page makes through a visitor's browser. Returns false when it answered
 * the request itself. Authorization is not decided here: every page, action and route checks it
 * itself (app/guards.ts).
 *
 * Done here rather than in a Next.js proxy (middleware), whose mere presence made Next.js copy
 * every request into a web Request and buffer its body: about a third of the CPU of a small
 * API request (docs/benchmarks.md).
 */
export function protectRequest(req: IncomingMessage, res: ServerResponse, options: { isDev: boolean }): boolean {
  const settings = config();
  const nonce = randomBytes(16).toString('base64');
  const headers = securityHeaders(settings, { nonce, isDev: options.isDev });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

  const requestHeaders = { get: (name: string) => headerValue(req.headers[name]) };
  if (!isSafeMethod(req.method ?? 'GET') && isCrossSiteRequest(requestHeaders, settings)) {
    res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: messages.security.crossSite }));
    return false;
  }
  // Next.js takes the nonce for its own scripts from the request's CSP header.
  req.headers['content-security-policy'] = headers['Content-Security-Policy'];
  return true;
}

const headerValue = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
