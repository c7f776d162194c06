'use client';

import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/action-result';
import { LIMITS, phoneConsentSchema } from '@/lib/availability/schema';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.availability;
export type RecordConsent = (input: { caseId: number; companyId: number; note: string }) => Promise<ActionResult<null>>;

/** Staff write down that a supplier agreed on the phone; the note says who said so and when. */
export function PhoneConsentForm({
  caseId,
  companyId,
  companyName,
  record,
}: {
  caseId: number;
  companyId: number;
  companyName: string;
  record: RecordConsent;
}) {
  const router = useRouter();
  const { form, result, onSubmit, field } = useActionForm({
    schema: phoneConsentSchema,
    defaultValues: { caseId, companyId, note: '' },
    action: record,
    onSuccess: () => router.refresh(),
  });
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700">{t.phoneConsentOpen}</summary>
      <form noValidate onSubmit={onSubmit} className="mt-2 space-y-2" aria-label={`${t.phoneConsentOpen}: ${companyName}`}>
        {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
        <Field label={t.phoneConsentNote} required hint={t.phoneConsentHint} {...field('note', { id: `consent-note-${companyId}` })}>
          {(input) => <textarea {...input} rows={2} maxLength={LIMITS.phoneNote} className={inputClass} />}
        </Field>
        <button
          type="submit"
          disabled={form.formState.isSubmitting}
          className="rounded-md border border-brand-700 bg-white px-2.5 py-1 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-70"
        >
          {t.phoneConsentSubmit}
        </button>
      </form>
    </details>
  );
}
