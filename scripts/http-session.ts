/** A minimal cookie jar for scripted HTTP sessions against the app (tests, benchmarks). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): this {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
    return this;
  }

  set(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  has(name: string): boolean {
    return Boolean(this.cookies.get(name));
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export const SESSION_COOKIE = 'next-auth.session-token';

/** Signs in through next-auth's credentials flow as the sign-in form does. Throws on failure. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await fetch(new URL('/api/auth/csrf', baseUrl), { redirect: 'manual' });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(new URL('/api/auth/callback/credentials', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  jar.take(callback);
  if (!jar.has(SESSION_COOKIE)) throw new Error(`sign-in as ${email} failed (HTTP ${callback.status})`);
  return jar;
}
