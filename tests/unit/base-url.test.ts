import { afterEach, describe, expect, it } from 'vitest';
import { authOptions } from '../../lib/auth/options';
import { config, fixConfig, loopbackBaseUrlWarning } from '../../lib/config';

const configOf = (vars: Record<string, string>) => config(vars as NodeJS.ProcessEnv);

describe('the base URL without PUBLIC_BASE_URL', () => {
  it('follows the listening port and address', () => {
    expect(configOf({ PORT: '4100' }).baseUrl).toBe('http://localhost:4100');
    expect(configOf({ PORT: '4100', HOST: '0.0.0.0' }).baseUrl).toBe('http://localhost:4100');
    expect(configOf({ PORT: '4100', HOST: '192.0.2.10' }).baseUrl).toBe('http://192.0.2.10:4100');
    expect(configOf({ PORT: '4100', HOST: '2001:db8::5' }).baseUrl).toBe('http://[2001:db8::5]:4100');
    expect(configOf({}).baseUrl).toBe('http://localhost:3000');
    expect(configOf({ PORT: '4100', PUBLIC_BASE_URL: 'https://lotse.example/' }).baseUrl).toBe('https://lotse.example');
  });

  it('warns at start when it is a loopback address outside the demo', () => {
    const production = { DATABASE_URL: 'postgres://db/lotse' };
    expect(loopbackBaseUrlWarning(configOf({ ...production, PORT: '4100' }))).toContain('http://localhost:4100');
    expect(loopbackBaseUrlWarning(configOf({ ...production, HOST: '127.0.0.1' }))).toContain('PUBLIC_BASE_URL');
    expect(loopbackBaseUrlWarning(configOf({ ...production, HOST: '::1' }))).toContain('PUBLIC_BASE_URL');
    expect(loopbackBaseUrlWarning(configOf({ ...production, HOST: '192.0.2.10' }))).toBeUndefined();
    expect(loopbackBaseUrlWarning(configOf({ ...production, PUBLIC_BASE_URL: 'https://lotse.example' }))).toBeUndefined();
    expect(loopbackBaseUrlWarning(configOf({ PORT: '4100' }))).toBeUndefined();
  });
});

describe('next-auth with the README production recipe (PUBLIC_BASE_URL=https://…, no NEXTAUTH_URL)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  function productionOptions() {
    delete process.env.NEXTAUTH_URL;
    process.env.PUBLIC_BASE_URL = 'https://lotse.example';
    process.env.NEXTAUTH_SECRET = 'unit-secret';
    return authOptions();
  }

  it('sets secure (__Secure-, Secure) session cookies', () => {
    expect(productionOptions().useSecureCookies).toBe(true);
  });

  it('sends the user back to the public address after sign-out, not to localhost', async () => {
    const redirect = productionOptions().callbacks!.redirect!;
    expect(await redirect({ url: '/login', baseUrl: 'http://localhost:3000' })).toBe('https://lotse.example/login');
  });

  it('keeps plain cookies for a plain-HTTP demo', () => {
    delete process.env.PUBLIC_BASE_URL;
    delete process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_SECRET = 'unit-secret';
    expect(authOptions().useSecureCookies).toBe(false);
  });
});

describe('the configuration of the running server', () => {
  afterEach(() => {
    delete (globalThis as { lotseFixedConfig?: unknown }).lotseFixedConfig;
    delete process.env.INTAKE_RATE_LIMIT;
  });

  it('follows the environment until fixed, then stays as it was, frozen; an explicit environment is still read', () => {
    process.env.INTAKE_RATE_LIMIT = '7';
    expect(config().INTAKE_RATE_LIMIT).toBe(7);
    fixConfig();
    process.env.INTAKE_RATE_LIMIT = '8';
    expect(config().INTAKE_RATE_LIMIT).toBe(7);
    expect(config()).toBe(config());
    expect(Object.isFrozen(config())).toBe(true);
    expect(configOf({ INTAKE_RATE_LIMIT: '9' }).INTAKE_RATE_LIMIT).toBe(9);
  });
});
