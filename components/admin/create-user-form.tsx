'use client';

import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { createUserSchema, PASSWORD_MIN } from '@/lib/auth/schema';
import { STAFF_ROLES } from '@/lib/cases/vocabulary';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.users;

export type CreateStaffUser = (input: z.output<typeof createUserSchema>) => Promise<ActionResult<null>>;

const blank: z.input<typeof createUserSchema> = { email: '', name: '', role: 'expert', password: '' };
const passwordHint = `${t.passwordHint(PASSWORD_MIN)} ${t.initialPasswordHint}`;

export function CreateUserForm({ action }: { action: CreateStaffUser }) {
  const { form, result, onSubmit, field } = useActionForm({
    schema: createUserSchema,
    defaultValues: blank,
    action,
    onSuccess: () => form.reset(blank),
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {result?.ok && <Alert tone="success">{t.created}</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <Field label={t.name} required {...field('name', { id: 'new-user-name' })}>
        {(input) => <input {...input} autoComplete="off" maxLength={120} className={inputClass} />}
      </Field>
      <Field label={t.email} required {...field('email', { id: 'new-user-email' })}>
        {(input) => <input {...input} type="email" autoComplete="off" maxLength={254} className={inputClass} />}
      </Field>
      <Field label={t.role} required {...field('role', { id: 'new-user-role' })}>
        {(input) => (
          <select {...input} className={inputClass}>
            <RoleOptions />
          </select>
        )}
      </Field>
      <Field label={t.initialPassword} required hint={passwordHint} {...field('password', { id: 'new-user-password' })}>
        {(input) => <input {...input} type="password" autoComplete="new-password" maxLength={200} className={inputClass} />}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting} className="w-full">
        {t.create}
      </Button>
    </form>
  );
}

/** The staff roles as the options of a select, in German. */
export function RoleOptions() {
  return STAFF_ROLES.map((role) => (
    <option key={role} value={role}>
      {messages.roles[role]}
    </option>
  ));
}
