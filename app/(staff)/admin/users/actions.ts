'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from '@/lib/auth/schema';
import { createUser, updateUser } from '@/lib/auth/users';

function done(result: ActionResult<unknown>): ActionResult<null> {
  if (!result.ok) return result;
  revalidatePath('/admin/users');
  return { ok: true, data: null };
}

export const createStaffUser = staffAction('admin', createUserSchema, async (_user, input) => done(await createUser(input)));

export const changeUserRole = staffAction('admin', changeRoleSchema, async (user, input) =>
  done(await updateUser(user, input.userId, { role: input.role })),
);

export const setUserActive = staffAction('admin', setActiveSchema, async (user, input) =>
  done(await updateUser(user, input.userId, { active: input.active })),
);

export const resetUserPassword = staffAction('admin', resetPasswordSchema, async (user, input) =>
  done(await updateUser(user, input.userId, { password: input.password })),
);
