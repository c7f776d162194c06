'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { safeReturnPath } from '@/lib/auth/return-path';
import { signInSchema } from '@/lib/auth/schema';
import { messages } from '@/lib/i18n';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { describedBy, Field, inputClass } from './ui/field';

const t = messages.auth;
type Input = z.input<typeof signInSchema>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Input>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });

  const onSubmit = async (values: Input) => {
    setError(undefined);
    const result = await signIn('credentials', { ...values, redirect: false });
    if (!result || result.error) {
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : t.invalidCredentials);
      return;
    }
    router.replace(safeReturnPath(callbackUrl, window.location.origin));
    router.refresh();
  };

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-5">
      {error && <Alert tone="error">{error}</Alert>}
      <Field id="email" label={t.email} error={errors.email?.message}>
        <input
          {...register('email')}
          {...describedBy('email', { error: errors.email?.message })}
          type="email"
          autoComplete="username"
          // biome-ignore lint/a11y/noAutofocus: the sign-in page has one task, and people come here to type
          autoFocus
          className={inputClass}
        />
      </Field>
      <Field id="password" label={t.password} error={errors.password?.message}>
        <input
          {...register('password')}
          {...describedBy('password', { error: errors.password?.message })}
          type="password"
          autoComplete="current-password"
          className={inputClass}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
