import { count } from 'drizzle-orm';
import { db } from '../../db/client';
import { users } from '../../db/schema';
import { createUser } from '../auth/users';

/** Demo accounts, shown on the sign-in page in demo mode only. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.local', password: 'demo-admin', name: 'Anke Admin', role: 'admin' },
  { email: 'expertin@demo.local', password: 'demo-expert', name: 'Erika Expertin', role: 'expert' },
] as const;

export async function seedDemoUsers() {
  const [existing] = await db.select({ n: count() }).from(users);
  if (existing && existing.n > 0) return 0;
  for (const account of DEMO_ACCOUNTS) await createUser({ ...account });
  return DEMO_ACCOUNTS.length;
}
