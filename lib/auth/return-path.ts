/** Stands in for the real origin where only a path is acceptable (the sign-in page). */
const PATH_ONLY = 'http://lotse.invalid';

/**
 * The same-origin path a sign-in may lead to, or the fallback. Resolved with the URL parser as
 * a browser resolves it: `/\evil.example` and `/<tab>/evil.example` name another host, though
 * they start with one slash.
 */
export function safeReturnPath(target: string | null | undefined, origin: string = PATH_ONLY, fallback = '/cases'): string {
  if (!target) return fallback;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  // `//host` as a relative URL names a host again, so leading slashes collapse to one.
  return `/${url.pathname.replace(/^\/+/, '')}${url.search}${url.hash}`;
}
