'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import type { AttachmentLimits } from '@/lib/attachments/limits';
import { LIMITS, messageSchema } from '@/lib/conversations/schema';
import { messages } from '@/lib/i18n';
import { AttachmentInput, useAttachmentInput } from '../attachment-input';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.conversations;

export type SendCaseMessage = (
  input: z.output<typeof messageSchema>,
  files: FormData,
) => Promise<ActionResult<{ version: number; messageId: number }>>;

/** A template as the composer offers it: already filled in for this case and writer. */
export interface ComposerTemplate {
  key: string;
  name: string;
  subject: string;
  body: string;
  setsStatus: string | null;
}

interface MessageFormProps {
  caseId: number;
  version: number;
  templates: ComposerTemplate[];
  send: SendCaseMessage;
  attachmentLimits: AttachmentLimits;
}

export function MessageForm({ caseId, version, templates, send, attachmentLimits }: MessageFormProps) {
  const router = useRouter();
  const files = useAttachmentInput(attachmentLimits);
  const empty = { caseId, version, subject: '', body: '', templateKey: '' };
  const { form, result, onSubmit, field } = useActionForm({
    schema: messageSchema,
    defaultValues: empty,
    action: async (values) => {
      const picked = files.take();
      if ('error' in picked) return { ok: false, error: picked.error };
      return send(values, picked.form);
    },
    onSuccess: (data) => {
      form.reset({ ...empty, version: data.version });
      files.clear();
      router.refresh();
    },
    onFailure: (failure) => {
      if (failure.fieldErrors?.files) files.showError(failure.fieldErrors.files);
    },
  });
  // Another edit of the case (status, assignee) bumps its version; the next send must carry it.
  useEffect(() => form.setValue('version', version), [form, version]);
  const chosen = templates.find((x) => x.key === form.watch('templateKey'));
  const templateField = form.register('templateKey', {
    onChange: (event: { target: { value: string } }) => {
      const template = templates.find((x) => x.key === event.target.value);
      if (template) {
        form.setValue('subject', template.subject);
        form.setValue('body', template.body);
      }
    },
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3">
      {result && <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? t.sent : result.error}</Alert>}
      <input type="hidden" {...form.register('caseId')} />
      <input type="hidden" {...form.register('version')} />
      <div className="space-y-1.5">
        <label htmlFor="message-template" className="block font-medium text-slate-900">
          {t.template}
        </label>
        <select
          id="message-template"
          {...templateField}
          aria-describedby={chosen?.setsStatus ? 'message-template-hint' : undefined}
          className={inputClass}
        >
          <option value="">{t.noTemplate}</option>
          {templates.map((x) => (
            <option key={x.key} value={x.key}>
              {x.name}
            </option>
          ))}
        </select>
        {chosen?.setsStatus && (
          <p id="message-template-hint" className="text-sm text-slate-600">
            {t.templateSetsStatus(chosen.setsStatus)}
          </p>
        )}
      </div>
      <Field label={t.subject} required {...field('subject', { id: 'message-subject' })}>
        {(input) => <input {...input} maxLength={LIMITS.subject} className={inputClass} />}
      </Field>
      <Field label={t.body} required {...field('body', { id: 'message-body' })}>
        {(input) => <textarea {...input} rows={8} maxLength={LIMITS.body} className={inputClass} />}
      </Field>
      <AttachmentInput id="message-files" {...files.inputProps} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t.send}
      </Button>
    </form>
  );
}
