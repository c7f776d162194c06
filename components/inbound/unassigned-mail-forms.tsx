'use client';

import { useRouter } from 'next/navigation';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { attachMailSchema, newCaseFromMailSchema } from '@/lib/inbound/schema';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.inbound;
type Handled = ActionResult<{ caseId: number; reference: string }>;
export type AttachMail = (input: z.output<typeof attachMailSchema>) => Promise<Handled>;
export type NewCaseFromMail = (input: z.output<typeof newCaseFromMailSchema>) => Promise<Handled>;

export function AttachMailForm({ mailId, attach }: { mailId: number; attach: AttachMail }) {
  const router = useRouter();
  const { form, result, onSubmit, field } = useActionForm({
    schema: attachMailSchema,
    defaultValues: { mailId, reference: '' },
    action: attach,
    // The mail leaves the list: staff land in the case, where it now is the latest reply.
    onSuccess: (data) => router.push(`/cases/${data.caseId}`),
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-2">
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <input type="hidden" {...form.register('mailId')} />
      <div className="flex items-end gap-2">
        <Field label={t.reference} {...field('reference', { id: `mail-${mailId}-reference` })}>
          {(input) => <input {...input} className={inputClass} placeholder="LS-2026-00012" />}
        </Field>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t.attach}
        </Button>
      </div>
    </form>
  );
}

export function NewCaseFromMailForm({ mailId, newCase }: { mailId: number; newCase: NewCaseFromMail }) {
  const router = useRouter();
  const { form, result, onSubmit } = useActionForm({
    schema: newCaseFromMailSchema,
    defaultValues: { mailId },
    action: newCase,
    onSuccess: (data) => router.push(`/cases/${data.caseId}`),
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-2">
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <input type="hidden" {...form.register('mailId')} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t.newCase}
      </Button>
    </form>
  );
}
