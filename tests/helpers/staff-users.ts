import { createUser, findUserByEmail } from '@/lib/auth/users';
import type { StaffUser } from '@/lib/auth/staff';
import type { StaffRole } from '@/lib/cases/vocabulary';

/** A staff account in the test database (created on first use). */
export async function staffUser(name: string, role: StaffRole = 'expert'): Promise<StaffUser> {
  const email = `${name.toLowerCase().replace(/[^a-z]/g, '.')}@test.local`;
  if (!(await findUserByEmail(email))) await createUser({ email, name, role, password: 'test-password-123' });
  const user = (await findUserByEmail(email))!;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
