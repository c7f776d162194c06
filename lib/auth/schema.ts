import { z } from 'zod';
import { STAFF_ROLES } from '../cases/vocabulary';
import { messages } from '../i18n';
import { email, id, singleLine } from '../validation';

const m = messages.errors;

export const PASSWORD_MIN = 10;
// bcrypt ignores everything past 72 bytes: a longer password would be silently cut off.
export const PASSWORD_MAX_BYTES = 72;

/** Every password that is set (new account, reset, own change); signing in accepts any. */
export const passwordSchema = z
  .string({ error: m.required })
  .min(PASSWORD_MIN, { error: m.passwordTooShort(PASSWORD_MIN) })
  .refine((v) => new TextEncoder().encode(v).length <= PASSWORD_MAX_BYTES, {
    error: m.passwordTooLong(PASSWORD_MAX_BYTES),
  });

export const signInSchema = z.object({
  email,
  password: z.string({ error: m.required }).min(1, { error: m.required }).max(200),
});

export const createUserSchema = z.object({
  email,
  name: singleLine(120, 2),
  role: z.enum(STAFF_ROLES, { error: m.chooseOne }),
  password: passwordSchema,
});

export const changeRoleSchema = z.object({ userId: id, role: z.enum(STAFF_ROLES) });
export const setActiveSchema = z.object({ userId: id, active: z.boolean() });
export const resetPasswordSchema = z.object({ userId: id, password: passwordSchema });

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ error: m.required }).min(1, { error: m.required }).max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: m.required }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: m.passwordMismatch });

export type CreateUserInput = z.output<typeof createUserSchema>;
