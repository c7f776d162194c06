'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { changeOwnPasswordSchema, PASSWORD_MIN } from '@/lib/auth/schema';
import { messages } from '@/lib/i18n';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { describedBy, Field, inputClass } from './ui/field';

const t = messages.users;

type Input = z.input<typeof changeOwnPasswordSchema>;
type Output = z.output<typeof changeOwnPasswordSchema>;
export type ChangeMyPassword = (input: Output) => Promise<ActionResult<null>>;

const blank: Input = { currentPassword: '', newPassword: '', confirmPassword: '' };
const newHint = t.passwordHint(PASSWORD_MIN);

export function ChangePasswordForm({ action }: { action: ChangeMyPassword }) {
  const [result, setResult] = useState<ActionResult<null>>();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(changeOwnPasswordSchema), defaultValues: blank });

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

  const current = errors.currentPassword?.message;
  const next = errors.newPassword?.message;
  const confirm = errors.confirmPassword?.message;

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-4">
      {result?.ok && <Alert tone="success">{t.passwordChanged}</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <Field id="current-password" label={t.currentPassword} required error={current}>
        <input
          {...register('currentPassword')}
          {...describedBy('current-password', { error: current })}
          type="password"
          autoComplete="current-password"
          maxLength={200}
          className={inputClass}
        />
      </Field>
      <Field id="new-password" label={t.newPassword} required hint={newHint} error={next}>
        <input
          {...register('newPassword')}
          {...describedBy('new-password', { hint: newHint, error: next })}
          type="password"
          autoComplete="new-password"
          maxLength={200}
          className={inputClass}
        />
      </Field>
      <Field id="confirm-password" label={t.confirmPassword} required error={confirm}>
        <input
          {...register('confirmPassword')}
          {...describedBy('confirm-password', { error: confirm })}
          type="password"
          autoComplete="new-password"
          maxLength={200}
          className={inputClass}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full sm:w-auto">
        {t.changePassword}
      </Button>
    </form>
  );
}
