'use client';

import { useRouter } from 'next/navigation';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { LIMITS, templateSchema, type TemplateFormInput } from '@/lib/conversations/schema';
import { renderTemplate } from '@/lib/conversations/template-text';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.conversations;

export type SaveTemplate = (input: z.output<typeof templateSchema>) => Promise<ActionResult<{ version: number }>>;

/** One template: its texts, the status it sets, and a live preview with sample values. */
export function TemplateForm({
  template,
  statuses,
  save,
}: {
  template: TemplateFormInput & { id: number };
  statuses: { value: string; label: string }[];
  save: SaveTemplate;
}) {
  const router = useRouter();
  const { form, result, onSubmit, field } = useActionForm({
    schema: templateSchema,
    defaultValues: template,
    action: save,
    // The next save goes against the version this one made.
    onSuccess: (data) => {
      form.setValue('version', data.version);
      router.refresh();
    },
  });
  const prefix = `template-${template.id}`;
  const [subject, body] = form.watch(['subject', 'body']);
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={`${prefix}-title`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
    >
      <h2 id={`${prefix}-title`} className="text-lg font-semibold text-brand-800">
        {template.name}
      </h2>
      {result && <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? t.saved : result.error}</Alert>}
      <input type="hidden" {...form.register('id')} />
      <input type="hidden" {...form.register('version')} />
      <Field label={t.templateName} required {...field('name', { id: `${prefix}-name` })}>
        {(input) => <input {...input} maxLength={100} className={inputClass} />}
      </Field>
      <Field label={t.subject} required {...field('subject', { id: `${prefix}-subject` })}>
        {(input) => <input {...input} maxLength={LIMITS.subject} className={inputClass} />}
      </Field>
      <Field label={t.body} required {...field('body', { id: `${prefix}-body` })}>
        {(input) => <textarea {...input} rows={8} maxLength={LIMITS.body} className={inputClass} />}
      </Field>
      <Field label={t.setsStatus} {...field('setsStatus', { id: `${prefix}-status` })}>
        {(input) => (
          <select {...input} className={inputClass}>
            <option value="">{t.keepsStatus}</option>
            {statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <section aria-label={`${t.preview}: ${template.name}`} className="space-y-1 rounded-md border border-dashed border-slate-400 p-3">
        <p className="text-sm font-semibold text-slate-700">
          {t.preview} <span className="font-normal">({t.previewHint})</span>
        </p>
        <p className="font-semibold text-slate-900">{renderTemplate(String(subject ?? ''), t.sample)}</p>
        <p className="whitespace-pre-wrap text-slate-900">{renderTemplate(String(body ?? ''), t.sample)}</p>
      </section>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t.save}
      </Button>
    </form>
  );
}
