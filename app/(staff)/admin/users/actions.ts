'use server';

import { revalidatePath } from 'next/cache';
import type { ZodError } from 'zod';
import { authorizeAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from '@/lib/auth/schema';
import { createUser, updateUser, type UserResult } from '@/lib/auth/users';
import { messages } from '@/lib/i18n';
import { fieldErrorsOf } from '@/lib/intake/schema';

function invalid(error: ZodError): ActionResult<null> {
  return { ok: false, error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(error) };
}

function done(result: UserResult): ActionResult<null> {
  if (!result.ok) return result;
  revalidatePath('/admin/users');
  return { ok: true, data: null };
}

export async function createStaffUser(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction('admin');
  if (!auth.ok) return auth;
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return done(await createUser(parsed.data));
}

export async function changeUserRole(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction('admin');
  if (!auth.ok) return auth;
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return done(await updateUser(auth.data, parsed.data.userId, { role: parsed.data.role }));
}

export async function setUserActive(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction('admin');
  if (!auth.ok) return auth;
  const parsed = setActiveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return done(await updateUser(auth.data, parsed.data.userId, { active: parsed.data.active }));
}

export async function resetUserPassword(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction('admin');
  if (!auth.ok) return auth;
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return done(await updateUser(auth.data, parsed.data.userId, { password: parsed.data.password }));
}
