import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import type { ActionFailure, ActionResult } from '@/lib/action-result';
import { currentStaff } from '@/lib/auth/session';
import { hasRole, type StaffUser } from '@/lib/auth/staff';
import type { StaffRole } from '@/lib/cases/vocabulary';
import { config } from '@/lib/config';
import { isCrossSiteRequest } from '@/lib/http/cross-site';
import { messages } from '@/lib/i18n';
import { invalidInput } from '@/lib/validation';

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

/**
 * A staff server action: session and role first, then the input through `schema` (the one the
 * form uses), then `handler` with both. Refusals and invalid input come back as ActionResult.
 */
export function staffAction<S extends z.ZodType, R extends ActionResult<unknown>>(
  role: StaffRole,
  schema: S,
  handler: (user: StaffUser, input: z.output<S>, attachments?: unknown) => Promise<R>,
): (input: unknown, attachments?: unknown) => Promise<R | ActionFailure> {
  // `attachments`: a form's files as FormData, untouched until the user is authorized.
  return async (input, attachments) => {
    const auth = await authorizeAction(role);
    if (!auth.ok) return auth;
    const parsed = schema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    return handler(auth.data, parsed.data, attachments);
  };
}

/** A public server action (no session): only the input through `schema`, then `handler`. */
export function publicAction<S extends z.ZodType, R extends ActionResult<unknown>>(
  schema: S,
  handler: (input: z.output<S>) => Promise<R>,
): (input: unknown) => Promise<R | ActionFailure> {
  return async (input) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    return handler(parsed.data);
  };
}

/**
 * For staff API routes: the signed-in user, or a 401/403 JSON response. Requests another site
 * makes through a staff member's browser are refused even for GET (the export is a download).
 */
export async function authorizeRequest(role: StaffRole = 'expert'): Promise<StaffUser | NextResponse> {
  if (isCrossSiteRequest(await headers(), config())) {
    return NextResponse.json({ error: messages.security.crossSite }, { status: 403 });
  }
  const user = await currentStaff();
  if (!user) return NextResponse.json({ error: messages.auth.notSignedIn }, { status: 401 });
  if (!hasRole(user, role)) return NextResponse.json({ error: messages.auth.forbidden }, { status: 403 });
  return user;
}
