'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import type { AttachmentLimits } from '@/lib/attachments/limits';
import { LIMITS, threadReplySchema } from '@/lib/conversations/schema';
import { messages } from '@/lib/i18n';
import { AttachmentInput, selectedFiles } from '../attachment-input';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.conversations;
export type SendReply = (input: z.output<typeof threadReplySchema>, files: FormData) => Promise<ActionResult<unknown>>;

export function ReplyForm({
  token,
  sendReply,
  attachmentLimits,
}: {
  token: string;
  sendReply: SendReply;
  attachmentLimits: AttachmentLimits;
}) {
  const router = useRouter();
  const filesInput = useRef<HTMLInputElement>(null);
  const [filesError, setFilesError] = useState<string>();
  const { form, result, onSubmit, field } = useActionForm({
    schema: threadReplySchema,
    defaultValues: { token, body: '', website: '' },
    action: async (values) => {
      setFilesError(undefined);
      const files = selectedFiles(filesInput.current, attachmentLimits);
      if ('error' in files) return { ok: false, error: files.error, fieldErrors: { files: files.error } };
      return sendReply(values, files.form);
    },
    onSuccess: () => {
      form.reset({ token, body: '', website: '' });
      if (filesInput.current) filesInput.current.value = '';
      router.refresh();
    },
    onFailure: (failure) => {
      if (!failure.fieldErrors?.files) return;
      setFilesError(failure.fieldErrors.files);
      filesInput.current?.focus();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {result && <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? t.replySent : result.error}</Alert>}
      <input type="hidden" {...form.register('token')} />
      {/* People never see this field; bots fill it in. */}
      <div className="hidden" aria-hidden="true">
        <label htmlFor="website">{t.honeypotLabel}</label>
        <input id="website" tabIndex={-1} autoComplete="off" {...form.register('website')} />
      </div>
      <Field label={t.replyLabel} required hint={t.replyHint} {...field('body', { id: 'reply' })}>
        {(input) => <textarea {...input} rows={6} maxLength={LIMITS.reply} className={inputClass} />}
      </Field>
      <AttachmentInput
        id="reply-files"
        limits={attachmentLimits}
        error={filesError}
        inputRef={filesInput}
        onChange={() => setFilesError(undefined)}
      />
      <Button type="submit" disabled={form.formState.isSubmitting} className="w-full sm:w-auto">
        {t.replySubmit}
      </Button>
    </form>
  );
}
