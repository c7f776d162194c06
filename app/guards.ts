import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { NextResponse } from 'next/server';
import type { ActionResult } from '@/lib/action-result';
import { currentStaff } from '@/lib/auth/session';
import { hasRole, type StaffUser } from '@/lib/auth/staff';
import type { StaffRole } from '@/lib/cases/vocabulary';
import { messages } from '@/lib/i18n';

/** For staff pages: the signed-in user, or a redirect to sign-in / a 403 page. */
export async function requireStaffPage(role: StaffRole = 'expert', returnTo = '/cases'): Promise<StaffUser> {
  const user = await currentStaff();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user, role)) forbidden();
  return user;
}

/** For server actions: the signed-in user, or the German refusal to return as the result. */
export async function authorizeAction(role: StaffRole = 'expert'): Promise<ActionResult<StaffUser>> {
  const user = await currentStaff();
  if (!user) return { ok: false, error: messages.auth.notSignedIn };
  if (!hasRole(user, role)) return { ok: false, error: messages.auth.forbidden };
  return { ok: true, data: user };
}

/** For staff API routes: the signed-in user, or a 401/403 JSON response. */
export async function authorizeRequest(role: StaffRole = 'expert'): Promise<StaffUser | NextResponse> {
  const user = await currentStaff();
  if (!user) return NextResponse.json({ error: messages.auth.notSignedIn }, { status: 401 });
  if (!hasRole(user, role)) return NextResponse.json({ error: messages.auth.forbidden }, { status: 403 });
  return user;
}
