import 'server-only';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/client-ip';
import { config } from '@/lib/config';

/** The requesting client's address for rate limiting (see lib/client-ip). */
export async function requesterIp(): Promise<string> {
  return clientIp(await headers(), config().TRUST_PROXY_HOPS);
}
