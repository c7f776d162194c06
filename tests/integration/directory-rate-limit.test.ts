/**
 * /directory runs the public supplier search, so it shares the anonymous search limit of
 * GET /api/suppliers/search: one counter per address for both.
 */
import { sql } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, expect, it, vi } from 'vitest';
import DirectoryPage from '@/app/(public)/directory/page';
import { GET } from '@/app/api/suppliers/search/route';
import { db } from '@/db/client';
import { SOCKET_IP_HEADER } from '@/lib/client-ip';
import { messages } from '@/lib/i18n';

const IP = '198.51.100.44';
vi.mock('next/headers', () => ({ headers: async () => new Headers({ [SOCKET_IP_HEADER]: IP }) }));
// Nobody is signed in (the API would not limit staff).
vi.mock('next-auth', async (orig) => ({ ...(await orig<typeof import('next-auth')>()), getServerSession: vi.fn(async () => null) }));

beforeEach(async () => {
  await db.execute(sql`truncate rate_limits`);
  vi.stubEnv('SEARCH_RATE_LIMIT', '3');
});

const openDirectory = async () => renderToStaticMarkup(await DirectoryPage({ searchParams: Promise.resolve({ q: 'Masken' }) }));
const apiSearch = () => GET(new Request('http://localhost/api/suppliers/search?q=Masken', { headers: { [SOCKET_IP_HEADER]: IP } }));

it('shows a German notice instead of results once the address used up the anonymous search limit', async () => {
  const notice = /Zu viele Anfragen/;
  expect((await apiSearch()).status).toBe(200);
  expect((await apiSearch()).status).toBe(200);
  expect(await openDirectory()).not.toMatch(notice);
  const refused = await openDirectory();
  expect(refused).toContain(messages.directory.title);
  expect(refused).toContain('role="alert"');
  expect(refused).toMatch(notice);
  expect((await apiSearch()).status).toBe(429);
});
