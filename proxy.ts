import { type NextRequest, NextResponse } from 'next/server';
import { config as appConfig } from '@/lib/config';
import { isCrossSiteRequest, isSafeMethod } from '@/lib/http/cross-site';
import { securityHeaders } from '@/lib/http/security-headers';
import { messages } from '@/lib/i18n';

/**
 * Runs before every request (pages, server actions, API routes, static files): sets the
 * security headers with a fresh CSP nonce and refuses state-changing requests another site's
 * page makes through a visitor's browser. Authorization is not decided here: every page,
 * action and route checks it itself (app/guards.ts).
 */
export function proxy(request: NextRequest) {
  const settings = appConfig();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders(settings, { nonce, isDev: process.env.NODE_ENV === 'development' });

  let response: NextResponse;
  if (!isSafeMethod(request.method) && isCrossSiteRequest(request.headers, settings)) {
    response = NextResponse.json({ error: messages.security.crossSite }, { status: 403 });
  } else {
    // Next.js takes the nonce for its own scripts from the request's CSP header.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('content-security-policy', headers['Content-Security-Policy']!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
