/** Header set by scripts/server.ts from the TCP socket; any client-sent value is overwritten. */
export const SOCKET_IP_HEADER = 'x-lotse-socket-ip';

/**
 * The address to rate-limit by. X-Forwarded-For is only believed behind a configured number
 * of trusted proxies, and then only the entry the outermost trusted proxy appended.
 */
export function clientIp(headers: Headers, trustProxyHops: number): string {
  if (trustProxyHops > 0) {
    const chain = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const entry = chain[chain.length - trustProxyHops];
    if (entry) return entry;
  }
  return headers.get(SOCKET_IP_HEADER) ?? 'unknown';
}
