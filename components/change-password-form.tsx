'use client';

import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { changeOwnPasswordSchema, PASSWORD_MIN } from '@/lib/auth/schema';
import { messages } from '@/lib/i18n';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { Field, inputClass } from './ui/field';
import { useActionForm } from './use-action-form';

const t = messages.users;

export type ChangeMyPassword = (input: z.output<typeof changeOwnPasswordSchema>) => Promise<ActionResult<null>>;

const blank = { currentPassword: '', newPassword: '', confirmPassword: '' };
const newHint = t.passwordHint(PASSWORD_MIN);

export function ChangePasswordForm({ action }: { action: ChangeMyPassword }) {
  const { form, result, onSubmit, field } = useActionForm({
    schema: changeOwnPasswordSchema,
    defaultValues: blank,
    action,
    onSuccess: () => form.reset(blank),
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {result?.ok && <Alert tone="success">{t.passwordChanged}</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <Field label={t.currentPassword} required {...field('currentPassword', { id: 'current-password' })}>
        {(input) => <input {...input} type="password" autoComplete="current-password" maxLength={200} className={inputClass} />}
      </Field>
      <Field label={t.newPassword} required hint={newHint} {...field('newPassword', { id: 'new-password' })}>
        {(input) => <input {...input} type="password" autoComplete="new-password" maxLength={200} className={inputClass} />}
      </Field>
      <Field label={t.confirmPassword} required {...field('confirmPassword', { id: 'confirm-password' })}>
        {(input) => <input {...input} type="password" autoComplete="new-password" maxLength={200} className={inputClass} />}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting} className="w-full sm:w-auto">
        {t.changePassword}
      </Button>
    </form>
  );
}
