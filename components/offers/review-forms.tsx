'use client';

import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import type { DuplicateSuggestion } from '@/lib/offers/duplicates';
import {
  type CreateFromOffer,
  createFromOfferSchema,
  MERGE_FIELDS,
  type MergeField,
  type MergeOffer,
  mergeOfferSchema,
  type RejectOffer,
  rejectOfferSchema,
} from '@/lib/offers/schema';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.offers;

type Reviewed = ActionResult<{ companyId: number | null; matchedCases: number }>;
export interface ReviewActions {
  merge: (input: MergeOffer) => Promise<Reviewed>;
  create: (input: CreateFromOffer) => Promise<Reviewed>;
  reject: (input: RejectOffer) => Promise<Reviewed>;
}

/** After a review the page shows the offer as reviewed, with how many cases it matched. */
function useAfterReview(offerId: number) {
  const router = useRouter();
  return (data: { matchedCases: number }) => {
    router.replace(`/offers/${offerId}?matched=${data.matchedCases}`);
    router.refresh();
  };
}

/** Values a merge may take: the offer's on one side, the company's on the other. */
export type MergeValues = Record<MergeField, string | null>;

/** Merging into one suggested company: per field whether the offer's value replaces the company's. */
export function MergeForm({
  offer,
  offerValues,
  company,
  merge,
}: {
  offer: { id: number; version: number };
  offerValues: MergeValues;
  company: DuplicateSuggestion;
  merge: ReviewActions['merge'];
}) {
  const prefix = `merge-${company.id}`;
  const companyValues: MergeValues = {
    street: company.street,
    website: company.website,
    email: company.email,
    phone: company.phone,
    contactPerson: company.contactPerson,
  };
  const differing = MERGE_FIELDS.filter((name) => offerValues[name] && offerValues[name] !== companyValues[name]);
  const { form, result, onSubmit, checkbox } = useActionForm({
    schema: mergeOfferSchema,
    defaultValues: {
      offerId: offer.id,
      version: offer.version,
      companyId: company.id,
      companyVersion: company.version,
      // Filling a gap is safe; replacing a known value is the reviewer's call.
      take: differing.filter((name) => !companyValues[name]),
      addSectors: true,
      addCertifications: true,
    },
    action: merge,
    onSuccess: useAfterReview(offer.id),
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label={`${t.merge}: ${company.name}`}>
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      {differing.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t.take}</legend>
          {differing.map((name) => (
            <div key={name} className="flex gap-3">
              <input
                type="checkbox"
                id={`${prefix}-${name}`}
                value={name}
                {...form.register('take')}
                className="mt-1 size-5 shrink-0 accent-brand-700"
              />
              <label htmlFor={`${prefix}-${name}`} className="text-slate-900">
                <span className="font-medium">{t.mergeFields[name]}:</span> {offerValues[name]}{' '}
                <span className="text-sm text-slate-600">
                  ({t.current}: {companyValues[name] ?? messages.suppliers.none})
                </span>
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <div className="flex gap-3">
        <input type="checkbox" id={`${prefix}-sectors`} {...checkbox('addSectors')} className="mt-1 size-5 shrink-0 accent-brand-700" />
        <label htmlFor={`${prefix}-sectors`}>{t.addSectors}</label>
      </div>
      <div className="flex gap-3">
        <input
          type="checkbox"
          id={`${prefix}-certifications`}
          {...checkbox('addCertifications')}
          className="mt-1 size-5 shrink-0 accent-brand-700"
        />
        <label htmlFor={`${prefix}-certifications`}>{t.addCertifications}</label>
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t.working : t.merge}
      </Button>
    </form>
  );
}

export function CreateCompanyForm({ offer, create }: { offer: { id: number; version: number }; create: ReviewActions['create'] }) {
  const { form, result, onSubmit } = useActionForm({
    schema: createFromOfferSchema,
    defaultValues: { offerId: offer.id, version: offer.version },
    action: create,
    onSuccess: useAfterReview(offer.id),
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label={t.createTitle}>
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <p className="text-sm text-slate-700">{t.createHint}</p>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t.working : t.create}
      </Button>
    </form>
  );
}

export function RejectForm({ offer, reject }: { offer: { id: number; version: number }; reject: ReviewActions['reject'] }) {
  const { form, result, onSubmit, field } = useActionForm({
    schema: rejectOfferSchema,
    defaultValues: { offerId: offer.id, version: offer.version, note: '' },
    action: reject,
    onSuccess: useAfterReview(offer.id),
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label={t.rejectTitle}>
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <Field label={t.rejectNote} required {...field('note', { id: 'reject-note' })}>
        {(input) => <textarea {...input} rows={3} maxLength={1000} className={inputClass} />}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting} className="bg-red-700 hover:bg-red-800">
        {form.formState.isSubmitting ? t.working : t.reject}
      </Button>
    </form>
  );
}
