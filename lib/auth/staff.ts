import type { StaffRole } from '../cases/vocabulary';

/** The signed-in staff member every server action and domain change acts as. */
export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
}

export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
  }
}

/** Admins may do everything experts may. */
export function hasRole(user: StaffUser, role: StaffRole): boolean {
  return role === 'expert' || user.role === 'admin';
}

export function assertRole(user: StaffUser, role: StaffRole): void {
  if (!hasRole(user, role)) throw new ForbiddenError();
}
