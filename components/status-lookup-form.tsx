'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { LIMITS, statusLookupSchema } from '@/lib/intake/schema';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { describedBy, Field, inputClass } from './ui/field';

const t = messages.status;

type Input = z.input<typeof statusLookupSchema>;
type Output = z.output<typeof statusLookupSchema>;
export type StatusView = { reference: string; status: string; submittedAt: string; updatedAt: string };
export type LookUpStatus = (input: Output) => Promise<ActionResult<StatusView>>;

const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(
    new Date(iso),
  );

export function StatusLookupForm({ action, initialReference }: { action: LookUpStatus; initialReference: string }) {
  const [result, setResult] = useState<ActionResult<StatusView>>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(statusLookupSchema),
    mode: 'onTouched',
    defaultValues: { reference: initialReference, email: '' },
  });

  const onSubmit = async (values: Output) => {
    let outcome: ActionResult<StatusView>;
    try {
      outcome = await action(values);
    } catch {
      outcome = { ok: false, error: messages.errors.unexpected };
    }
    setResult(outcome);
    if (!outcome.ok) {
      for (const [name, message] of Object.entries(outcome.fieldErrors ?? {})) {
        setError(name as keyof Input, { type: 'server', message });
      }
    }
  };

  const refError = errors.reference?.message;
  const emailError = errors.email?.message;

  return (
    <div className="space-y-6">
      <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <Field id="reference" label={t.reference} required hint={t.referenceHint} error={refError}>
          <input
            {...register('reference')}
            {...describedBy('reference', { hint: t.referenceHint, error: refError })}
            autoCapitalize="characters"
            autoComplete="off"
            maxLength={20}
            className={`${inputClass} font-mono uppercase`}
          />
        </Field>
        <Field id="email" label={t.email} required error={emailError}>
          <input
            {...register('email')}
            {...describedBy('email', { error: emailError })}
            type="email"
            autoComplete="email"
            inputMode="email"
            maxLength={LIMITS.email}
            className={inputClass}
          />
        </Field>
        <Button type="submit" disabled={isSubmitting} className="w-full sm:w-auto">
          {t.submit}
        </Button>
      </form>

      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      {result?.ok && (
        <section aria-live="polite" className="space-y-2 rounded-lg border border-brand-600 bg-brand-50 p-5">
          <h2 className="font-mono text-lg font-bold text-brand-800">{t.resultTitle(result.data.reference)}</h2>
          <p className="text-lg text-slate-900" data-testid="public-status">
            {result.data.status}
          </p>
          <p className="text-sm text-slate-700">{t.submittedOn(formatDate(result.data.submittedAt))}</p>
          <p className="text-sm text-slate-700">{t.lastChange(formatDate(result.data.updatedAt))}</p>
        </section>
      )}
    </div>
  );
}
