'use client';

import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { FEEDBACK_ANSWERS, type Feedback, feedbackSchema } from '@/lib/introductions/schema';
import { AGREEMENT_KINDS } from '@/lib/introductions/vocabulary';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Honeypot } from '../ui/honeypot';
import { useActionForm } from '../use-action-form';

const t = messages.feedback;
export type SendFeedback = (input: Feedback) => Promise<ActionResult<{ applied: boolean }>>;

const choice =
  'flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-4 py-3 text-base has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600';

/** One radio group with its legend and error, large enough to tap on a phone. */
function Choices({
  name,
  legend,
  options,
  error,
  register,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  error?: string;
  register: UseFormRegisterReturn;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-2 font-semibold text-slate-900">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className={choice}>
          <input type="radio" value={option.value} {...register} className="size-5 accent-brand-700" />
          {option.label}
        </label>
      ))}
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function FeedbackForm({ token, sendFeedback }: { token: string; sendFeedback: SendFeedback }) {
  const [done, setDone] = useState<{ applied: boolean }>();
  const { form, result, onSubmit, field } = useActionForm({
    schema: feedbackSchema,
    defaultValues: { token, answer: undefined, agreementKind: '', website: '' },
    action: sendFeedback,
    onSuccess: setDone,
  });
  if (done) {
    return <Alert tone="success">{done.applied ? t.thanks : t.alreadyRecorded}</Alert>;
  }
  const answer = field('answer');
  const kind = field('agreementKind');
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <input type="hidden" {...form.register('token')} />
      <Honeypot input={form.register('website')} />
      <Choices
        name="answer"
        legend={t.question}
        options={FEEDBACK_ANSWERS.map((value) => ({ value, label: t.answers[value] }))}
        error={answer.error}
        register={answer.registration}
      />
      {form.watch('answer') === 'agreement' && (
        <Choices
          name="agreementKind"
          legend={t.agreementKind}
          options={AGREEMENT_KINDS.map((value) => ({ value, label: messages.introductions.agreementKinds[value] }))}
          error={kind.error}
          register={kind.registration}
        />
      )}
      <Button type="submit" disabled={form.formState.isSubmitting} className="w-full sm:w-auto">
        {t.submit}
      </Button>
    </form>
  );
}
