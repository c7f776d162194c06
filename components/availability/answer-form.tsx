'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { AVAILABILITY_ANSWERS, LIMITS, availabilityAnswerSchema, type AvailabilityAnswerValues } from '@/lib/availability/schema';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';
import { Honeypot } from '../ui/honeypot';

const t = messages.availability;
export type AnswerCheck = (input: AvailabilityAnswerValues) => Promise<ActionResult<{ consent: boolean }>>;

/** The supplier's answer: can it deliver, how much and how soon, and its own consent box. */
export function AnswerForm({ token, answer }: { token: string; answer: AnswerCheck }) {
  const [done, setDone] = useState<{ consent: boolean }>();
  const { form, result, onSubmit, field, radio } = useActionForm({
    schema: availabilityAnswerSchema,
    defaultValues: { token, answer: undefined, quantity: '', leadTime: '', priceNote: '', note: '', consent: false, website: '' },
    action: answer,
    // The link is used up now: the page would say so on a reload, so the thanks stay here.
    onSuccess: (data) => setDone(data),
  });
  if (done) {
    return (
      <Alert tone="success">
        <p>{t.thanks}</p>
        {done.consent && <p className="mt-1">{t.thanksConsent}</p>}
      </Alert>
    );
  }
  const chosen = form.watch('answer');
  const answerError = field('answer').error;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <input type="hidden" {...form.register('token')} />
      <Honeypot input={form.register('website')} />
      <fieldset className="space-y-2" aria-describedby={answerError ? 'answer-error' : undefined}>
        <legend className="font-medium text-slate-900">
          {t.canDeliver}
          <span aria-hidden="true" className="text-red-700">
            {' '}
            *
          </span>
        </legend>
        {/* One under the other on a phone: "Teilweise" does not fit a third of its width. */}
        <div className="grid gap-2 sm:grid-cols-3">
          {AVAILABILITY_ANSWERS.map((value) => (
            <label
              key={value}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-400 bg-white px-3 py-2 font-semibold text-slate-900 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input type="radio" {...radio('answer', value)} className="size-4" />
              {t.answers[value]}
            </label>
          ))}
        </div>
        {answerError && (
          <p id="answer-error" className="text-sm font-medium text-red-700">
            {answerError}
          </p>
        )}
      </fieldset>
      {chosen !== 'no' && (
        <>
          <Field label={t.quantityLabel} required hint={t.quantityHint} {...field('quantity', { id: 'quantity' })}>
            {(input) => <input {...input} maxLength={LIMITS.quantity} className={inputClass} />}
          </Field>
          <Field label={t.leadTimeLabel} required hint={t.leadTimeHint} {...field('leadTime', { id: 'lead-time' })}>
            {(input) => <input {...input} maxLength={LIMITS.leadTime} className={inputClass} />}
          </Field>
          <Field label={t.priceLabel} {...field('priceNote', { id: 'price' })}>
            {(input) => <input {...input} maxLength={LIMITS.price} className={inputClass} />}
          </Field>
        </>
      )}
      <Field label={t.noteLabel} {...field('note', { id: 'note' })}>
        {(input) => <textarea {...input} rows={3} maxLength={LIMITS.note} className={inputClass} />}
      </Field>
      <div className="space-y-1 rounded-md border border-slate-300 bg-slate-50 p-3">
        <label className="flex items-start gap-3 font-medium text-slate-900">
          <input type="checkbox" {...form.register('consent')} aria-describedby="consent-hint" className="mt-1 size-5 shrink-0" />
          <span>{t.consentLabel}</span>
        </label>
        <p id="consent-hint" className="pl-8 text-sm text-slate-600">
          {t.consentHint}
        </p>
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting} className="w-full sm:w-auto">
        {t.submitAnswer}
      </Button>
    </form>
  );
}
