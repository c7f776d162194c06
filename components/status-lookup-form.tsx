'use client';

import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { LIMITS, statusLookupSchema } from '@/lib/intake/schema';
import { TIME_ZONE } from '@/lib/time';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { Field, inputClass } from './ui/field';
import { useActionForm } from './use-action-form';

const t = messages.status;

export type StatusView = { reference: string; status: string; submittedAt: string; updatedAt: string; threadPath: string };
export type LookUpStatus = (input: z.output<typeof statusLookupSchema>) => Promise<ActionResult<StatusView>>;

const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));

export function StatusLookupForm({ action, initialReference }: { action: LookUpStatus; initialReference: string }) {
  const { form, result, onSubmit, field } = useActionForm({
    schema: statusLookupSchema,
    mode: 'onTouched',
    defaultValues: { reference: initialReference, email: '' },
    action,
  });

  return (
    <div className="space-y-6">
      <form noValidate onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <Field label={t.reference} required hint={t.referenceHint} {...field('reference')}>
          {(input) => (
            <input
              {...input}
              autoCapitalize="characters"
              autoComplete="off"
              maxLength={20}
              className={`${inputClass} font-mono uppercase`}
            />
          )}
        </Field>
        <Field label={t.email} required {...field('email')}>
          {(input) => (
            <input {...input} type="email" autoComplete="email" inputMode="email" maxLength={LIMITS.email} className={inputClass} />
          )}
        </Field>
        <Button type="submit" disabled={form.formState.isSubmitting} className="w-full sm:w-auto">
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
          <a href={result.data.threadPath} className="inline-block font-semibold text-brand-700 underline underline-offset-4">
            {messages.conversations.toThread}
          </a>
        </section>
      )}
    </div>
  );
}
