import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { config } from '../../lib/config';
import { isCrossSiteRequest } from '../../lib/http/cross-site';
import { protectRequest } from '../../lib/http/protect-request';
import { contentSecurityPolicy, securityHeaders, tileSource } from '../../lib/http/security-headers';
import { messages } from '../../lib/i18n';
import { productionRefusal } from '../../lib/production-env';

/** Only the variables a case sets (NODE_ENV is not one of them). */
const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

const HTTP = config(env({ PUBLIC_BASE_URL: 'http://localhost:3000' }));
const HTTPS = config(env({ PUBLIC_BASE_URL: 'https://lotse.leg-thueringen.de' }));
const options = { nonce: 'bm9uY2U=', isDev: false };

describe('security headers', () => {
  it('allow scripts only with the nonce, never inline or eval in production', () => {
    const csp = contentSecurityPolicy(HTTP, options);
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(HTTP, { ...options, isDev: true })).toContain("'unsafe-eval'");
  });

  it('send HSTS and upgrade requests only for a deployment declared as HTTPS', () => {
    expect(securityHeaders(HTTP, options)['Strict-Transport-Security']).toBeUndefined();
    expect(contentSecurityPolicy(HTTP, options)).not.toContain('upgrade-insecure-requests');
    expect(securityHeaders(HTTPS, options)['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(contentSecurityPolicy(HTTPS, options)).toContain('upgrade-insecure-requests');
  });

  it('allow map tiles only from the configured tile server', () => {
    expect(contentSecurityPolicy(HTTP, options)).toContain("img-src 'self' data: blob:;");
    const withTiles = config(env({ MAP_TILE_URL: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png' }));
    expect(contentSecurityPolicy(withTiles, options)).toContain("img-src 'self' data: blob: https://*.tile.openstreetmap.org;");
    expect(tileSource('https://tiles.example.org:8443/{z}/{x}/{y}.png')).toBe('https://tiles.example.org:8443');
    // Nothing that could widen the policy beyond one host.
    expect(tileSource("https://a.example.org; script-src 'unsafe-inline'/{z}")).toBeUndefined();
    expect(tileSource(undefined)).toBeUndefined();
  });
});

describe('cross-site detection', () => {
  const crossSite = (headers: Record<string, string>, settings = HTTP) =>
    isCrossSiteRequest(new Headers({ host: 'localhost:3000', ...headers }), settings);

  it.each([
    [{}, false],
    [{ 'sec-fetch-site': 'same-origin' }, false],
    [{ 'sec-fetch-site': 'none' }, false],
    [{ origin: 'http://localhost:3000' }, false],
    [{ 'sec-fetch-site': 'cross-site' }, true],
    [{ 'sec-fetch-site': 'same-site' }, true],
    [{ origin: 'https://evil.example' }, true],
    [{ origin: 'http://localhost:3001' }, true],
    [{ origin: 'null' }, true],
  ])('%j → %s', (headers, expected) => {
    expect(crossSite(headers)).toBe(expected);
  });

  it('accepts the public address behind a proxy and believes X-Forwarded-Host only from a trusted one', () => {
    const internal = { host: 'app-1:3000', origin: 'https://lotse.leg-thueringen.de' };
    expect(crossSite(internal, HTTPS)).toBe(false);
    const forwarded = { host: 'app-1:3000', origin: 'https://other.example', 'x-forwarded-host': 'other.example' };
    expect(crossSite(forwarded, HTTPS)).toBe(true);
    expect(crossSite(forwarded, { ...HTTPS, TRUST_PROXY_HOPS: 1 })).toBe(false);
  });
});

describe('production mode', () => {
  it('is off unless LOTSE_ENV=production, so the demo starts without anything set', () => {
    expect(productionRefusal(env({}))).toBeUndefined();
    expect(productionRefusal(env({ LOTSE_ENV: 'demo' }))).toBeUndefined();
  });

  it('names what is missing', () => {
    expect(productionRefusal(env({ LOTSE_ENV: 'production' }))).toBe(
      messages.security.productionMisconfigured(['NEXTAUTH_SECRET', 'DATABASE_URL']),
    );
    expect(productionRefusal(env({ LOTSE_ENV: 'production', DATABASE_URL: 'postgres://db/lotse' }))).toContain('NEXTAUTH_SECRET');
    expect(productionRefusal(env({ LOTSE_ENV: 'production', NEXTAUTH_SECRET: 's' }))).toContain('fehlt DATABASE_URL');
    expect(productionRefusal(env({ LOTSE_ENV: 'production', NEXTAUTH_SECRET: 's', DATABASE_URL: 'postgres://db/lotse' }))).toBeUndefined();
  });
});

describe('protectRequest (scripts/server.ts, before Next.js)', () => {
  /** A Node server that protects each request and echoes the CSP header Next.js would read. */
  async function withServer(run: (url: string) => Promise<void>) {
    const server = createServer((req, res) => {
      if (protectRequest(req, res, { isDev: false })) res.end(req.headers['content-security-policy']);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      server.close();
    }
  }

  it('puts a fresh nonce on every answer and on the request, where Next.js takes it for its scripts', async () => {
    await withServer(async (url) => {
      const first = await fetch(url, { headers: { 'content-security-policy': "script-src 'unsafe-inline'" } });
      const csp = first.headers.get('content-security-policy')!;
      expect(csp).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
      expect(await first.text()).toBe(csp);
      expect(first.headers.get('x-frame-options')).toBe('DENY');
      const second = await fetch(url, { method: 'POST', body: '{}' });
      expect(second.status).toBe(200);
      expect(second.headers.get('content-security-policy')).not.toBe(csp);
    });
  });

  it('refuses writes from another site in German, with the headers, and lets reads through', async () => {
    await withServer(async (url) => {
      const refused = await fetch(url, { method: 'POST', headers: { origin: 'https://evil.example' }, body: '{}' });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: messages.security.crossSite });
      expect(refused.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect((await fetch(url, { method: 'PUT', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
      expect((await fetch(url, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    });
  });
});
