'use client';

import { useRouter } from 'next/navigation';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import type { AttachmentLimits } from '@/lib/attachments/limits';
import { LIMITS, threadReplySchema } from '@/lib/conversations/schema';
import { messages } from '@/lib/i18n';
import { AttachmentInput, useAttachmentInput } from '../attachment-input';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Honeypot } from '../ui/honeypot';
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
  const files = useAttachmentInput(attachmentLimits);
  const { form, result, onSubmit, field } = useActionForm({
    schema: threadReplySchema,
    defaultValues: { token, body: '', website: '' },
    action: async (values) => {
      const picked = files.take();
      if ('error' in picked) return { ok: false, error: picked.error };
      return sendReply(values, picked.form);
    },
    onSuccess: () => {
      form.reset({ token, body: '', website: '' });
      files.clear();
      router.refresh();
    },
    onFailure: (failure) => {
      if (failure.fieldErrors?.files) files.showError(failure.fieldErrors.files);
    },
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {result && <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? t.replySent : result.error}</Alert>}
      <input type="hidden" {...form.register('token')} />
      <Honeypot input={form.register('website')} />
      <Field label={t.replyLabel} required hint={t.replyHint} {...field('body', { id: 'reply' })}>
        {(input) => <textarea {...input} rows={6} maxLength={LIMITS.reply} className={inputClass} />}
      </Field>
      <AttachmentInput id="reply-files" {...files.inputProps} />
      <Button type="submit" disabled={form.formState.isSubmitting} className="w-full sm:w-auto">
        {t.replySubmit}
      </Button>
    </form>
  );
}
