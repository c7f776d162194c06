'use client';

import { useRouter } from 'next/navigation';
import { AGREEMENT_KINDS, type IntroductionOutcome } from '@/lib/introductions/vocabulary';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { LIMITS } from '@/lib/introductions/limits';
import { outcomeSchema, type OutcomeUpdate } from '@/lib/introductions/schema';
import { Alert } from '../ui/alert';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.introductions;

export type SaveOutcome = (input: OutcomeUpdate) => Promise<ActionResult<{ version: number }>>;

interface Props {
  introduction: { id: number; version: number; outcome: IntroductionOutcome; agreementKind: string | null; followUpOn: string | null };
  /** The current outcome first, then those it may change to. */
  options: readonly IntroductionOutcome[];
  save: SaveOutcome;
}

/** Outcome, kind of agreement and follow-up date of one introduction. */
export function OutcomeForm({ introduction, options, save }: Props) {
  const router = useRouter();
  const prefix = `outcome-${introduction.id}`;
  const { form, result, onSubmit, field } = useActionForm({
    schema: outcomeSchema,
    defaultValues: {
      introductionId: introduction.id,
      version: introduction.version,
      outcome: introduction.outcome,
      agreementKind: introduction.agreementKind ?? '',
      followUpOn: introduction.followUpOn ?? '',
      note: '',
    },
    action: save,
    onSuccess: ({ version }) => {
      form.setValue('version', version);
      form.setValue('note', '');
      router.refresh();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label={t.outcome.title}>
      {result && <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? t.outcome.saved : result.error}</Alert>}
      <input type="hidden" {...form.register('introductionId')} />
      <input type="hidden" {...form.register('version')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t.outcome.outcome} {...field('outcome', { id: `${prefix}-outcome` })}>
          {(input) => (
            <select {...input} className={inputClass}>
              {options.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t.outcomes[outcome]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.watch('outcome') === 'agreement' && (
          <Field label={t.outcome.agreementKind} {...field('agreementKind', { id: `${prefix}-kind` })}>
            {(input) => (
              <select {...input} className={inputClass}>
                <option value="">{messages.request.chooseOption}</option>
                {AGREEMENT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t.agreementKinds[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t.outcome.followUpOn} {...field('followUpOn', { id: `${prefix}-follow-up` })}>
          {(input) => <input type="date" {...input} className={inputClass} />}
        </Field>
      </div>
      <Field label={t.outcome.note} {...field('note', { id: `${prefix}-note` })}>
        {(input) => <textarea rows={2} maxLength={LIMITS.note} {...input} className={inputClass} />}
      </Field>
      <button
        type="submit"
        disabled={form.formState.isSubmitting}
        className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70"
      >
        {t.outcome.save}
      </button>
    </form>
  );
}
