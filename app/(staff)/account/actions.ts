'use server';

import { staffAction } from '@/app/guards';
import { changeOwnPasswordSchema } from '@/lib/auth/schema';
import { changeOwnPassword } from '@/lib/auth/users';

export const changeMyPassword = staffAction('expert', changeOwnPasswordSchema, (user, input) =>
  changeOwnPassword(user, input.currentPassword, input.newPassword),
);
