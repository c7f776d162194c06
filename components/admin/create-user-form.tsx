'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { createUserSchema, PASSWORD_MIN } from '@/lib/auth/schema';
import { STAFF_ROLES } from '@/lib/cases/vocabulary';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { describedBy, Field, inputClass } from '../ui/field';

const t = messages.users;

type Input = z.input<typeof createUserSchema>;
type Output = z.output<typeof createUserSchema>;
export type CreateStaffUser = (input: Output) => Promise<ActionResult<null>>;

const blank: Input = { email: '', name: '', role: 'expert', password: '' };
const passwordHint = `${t.passwordHint(PASSWORD_MIN)} ${t.initialPasswordHint}`;

export function CreateUserForm({ action }: { action: CreateStaffUser }) {
  const [result, setResult] = useState<ActionResult<null>>();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(createUserSchema), defaultValues: blank });

  const onSubmit = async (values: Output) => {
    setResult(undefined);
    let outcome: ActionResult<null>;
    try {
      outcome = await action(values);
    } catch {
      outcome = { ok: false, error: messages.errors.unexpected };
    }
    setResult(outcome);
    if (outcome.ok) {
      reset(blank);
      return;
    }
    Object.entries(outcome.fieldErrors ?? {}).forEach(([name, message], i) =>
      setError(name as keyof Input, { type: 'server', message }, { shouldFocus: i === 0 }),
    );
  };

  const err = (name: keyof Input) => errors[name]?.message;

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-4">
      {result?.ok && <Alert tone="success">{t.created}</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <Field id="new-user-name" label={t.name} required error={err('name')}>
        <input
          {...register('name')}
          {...describedBy('new-user-name', { error: err('name') })}
          autoComplete="off"
          maxLength={120}
          className={inputClass}
        />
      </Field>
      <Field id="new-user-email" label={t.email} required error={err('email')}>
        <input
          {...register('email')}
          {...describedBy('new-user-email', { error: err('email') })}
          type="email"
          autoComplete="off"
          maxLength={254}
          className={inputClass}
        />
      </Field>
      <Field id="new-user-role" label={t.role} required error={err('role')}>
        <select {...register('role')} {...describedBy('new-user-role', { error: err('role') })} className={inputClass}>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {messages.roles[role]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="new-user-password" label={t.initialPassword} required hint={passwordHint} error={err('password')}>
        <input
          {...register('password')}
          {...describedBy('new-user-password', { hint: passwordHint, error: err('password') })}
          type="password"
          autoComplete="new-password"
          maxLength={200}
          className={inputClass}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {t.create}
      </Button>
    </form>
  );
}
