'use client';

import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/action-result';
import { INTRODUCTION_CHANNELS } from '@/lib/introductions/vocabulary';
import { messages } from '@/lib/i18n';
import { LIMITS } from '@/lib/introductions/limits';
import { type IntroductionInput, introductionSchema, type NewIntroduction } from '@/lib/introductions/schema';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.introductions;

export type RecordIntroduction = (input: NewIntroduction) => Promise<ActionResult<{ id: number }>>;

interface Props {
  caseId: number;
  /** The shortlisted companies: an introduction is made to one of them. */
  companies: { id: number; name: string }[];
  today: string;
  followUpDefault: string;
  record: RecordIntroduction;
}

export function IntroductionForm({ caseId, companies, today, followUpDefault, record }: Props) {
  const router = useRouter();
  const defaults: IntroductionInput = {
    caseId,
    companyId: companies[0]?.id ?? 0,
    introducedOn: today,
    channel: 'email',
    note: '',
    followUpOn: followUpDefault,
  };
  const { form, result, onSubmit, field } = useActionForm({
    schema: introductionSchema,
    defaultValues: defaults,
    action: record,
    onSuccess: () => {
      form.reset(defaults);
      router.refresh();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label={t.log.title}>
      {result && <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? t.log.saved : result.error}</Alert>}
      <input type="hidden" {...form.register('caseId')} />
      <Field label={t.log.company} {...field('companyId', { id: 'intro-company' })}>
        {(input) => (
          <select {...input} className={inputClass}>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t.log.date} {...field('introducedOn', { id: 'intro-date' })}>
          {(input) => <input type="date" max={today} {...input} className={inputClass} />}
        </Field>
        <Field label={t.log.channel} {...field('channel', { id: 'intro-channel' })}>
          {(input) => (
            <select {...input} className={inputClass}>
              {INTRODUCTION_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t.channels[channel]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t.log.followUpOn} {...field('followUpOn', { id: 'intro-follow-up' })}>
        {(input) => <input type="date" min={today} {...input} className={inputClass} />}
      </Field>
      <Field label={t.log.note} {...field('note', { id: 'intro-note' })}>
        {(input) => <textarea rows={2} maxLength={LIMITS.note} {...input} className={inputClass} />}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t.log.submit}
      </Button>
    </form>
  );
}
