'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { OFFER_LIMITS, type Offer, type OfferInput, offerSchema } from '@/lib/offers/schema';
import type { SectorSection } from '@/lib/sectors/queries';
import { ConsentFieldset } from '../consent-fieldset';
import { Honeypot } from '../ui/honeypot';
import { CompanyKindOptions } from '../suppliers/company-kind-options';
import { SectorOptions } from '../sector-select';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.offers;
const f = t.fields;

export type OfferFormResult = ActionResult<{ id: number }, { formToken: string }>;
export type SubmitOffer = (
  offer: Offer,
  envelope: { website: string; form_token: string; idempotency_key: string },
) => Promise<OfferFormResult>;

const fieldset = 'space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6';
const legend = 'px-1 text-lg font-semibold text-brand-800';

/** "Angebot melden": the public form; the same schema as the server, spam traps as on the request form. */
export function OfferForm({ action, formToken, sectorGroups }: { action: SubmitOffer; formToken: string; sectorGroups: SectorSection[] }) {
  const router = useRouter();
  // One key per filled-in form: double clicks and retries land on the same offer.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const token = useRef(formToken);
  const honeypot = useRef<HTMLInputElement>(null);
  const { form, result, onSubmit, field } = useActionForm<OfferInput, Offer, { id: number }, { formToken: string }>({
    schema: offerSchema,
    mode: 'onTouched',
    defaultValues: {
      organisation: '',
      kind: 'company',
      street: '',
      postal_code: '',
      city: '',
      website: '',
      email: '',
      phone: '',
      contact_name: '',
      sectors: '',
      certifications: '',
      offer: '',
      quantity: '',
      available_until: '',
      consent: false as unknown as true,
    },
    action: (values) =>
      action(values, { website: honeypot.current?.value ?? '', form_token: token.current, idempotency_key: idempotencyKey }),
    onSuccess: () => router.push('/offer/received'),
    // A refused form gets a new token, so the same input can be sent again.
    onFailure: (failure) => {
      if (failure.formToken) token.current = failure.formToken;
    },
  });
  const submitted = form.formState.isSubmitted && Object.keys(form.formState.errors).length > 0;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-8">
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      {!result && submitted && <Alert tone="error">{messages.request.fixErrors}</Alert>}

      <fieldset className={fieldset}>
        <legend className={legend}>{t.sections.organisation}</legend>
        <Field label={f.organisation} required {...field('organisation')}>
          {(input) => <input {...input} autoComplete="organization" maxLength={200} className={inputClass} />}
        </Field>
        <Field label={f.kind} required {...field('kind')}>
          {(input) => (
            <select {...input} className={inputClass}>
              <CompanyKindOptions />
            </select>
          )}
        </Field>
        <Field label={f.street} {...field('street')}>
          {(input) => <input {...input} autoComplete="street-address" maxLength={200} className={inputClass} />}
        </Field>
        <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
          <Field label={f.postalCode} required {...field('postal_code')}>
            {(input) => <input {...input} autoComplete="postal-code" inputMode="numeric" maxLength={5} className={inputClass} />}
          </Field>
          <Field label={f.city} required {...field('city')}>
            {(input) => <input {...input} autoComplete="address-level2" maxLength={100} className={inputClass} />}
          </Field>
        </div>
        <Field label={f.website} {...field('website')}>
          {(input) => <input {...input} type="url" autoComplete="url" maxLength={300} className={inputClass} />}
        </Field>
        <Field label={f.sectors} hint={f.sectorsHint} {...field('sectors')}>
          {(input) => (
            <select {...input} className={inputClass}>
              <SectorOptions groups={sectorGroups} />
            </select>
          )}
        </Field>
        <Field label={f.certifications} hint={f.certificationsHint} {...field('certifications')}>
          {(input) => <input {...input} maxLength={500} className={inputClass} />}
        </Field>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t.sections.contact}</legend>
        <Field label={f.contactName} required {...field('contact_name')}>
          {(input) => <input {...input} autoComplete="name" maxLength={120} className={inputClass} />}
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={f.email} required {...field('email')}>
            {(input) => <input {...input} type="email" autoComplete="email" inputMode="email" maxLength={254} className={inputClass} />}
          </Field>
          <Field label={f.phone} {...field('phone')}>
            {(input) => <input {...input} type="tel" autoComplete="tel" maxLength={40} className={inputClass} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t.sections.offer}</legend>
        <Field label={f.offer} required hint={f.offerHint(OFFER_LIMITS.offerMin)} {...field('offer')}>
          {(input) => <textarea {...input} rows={6} maxLength={OFFER_LIMITS.offer} className={inputClass} />}
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={f.quantity} hint={f.quantityHint} {...field('quantity')}>
            {(input) => <input {...input} maxLength={OFFER_LIMITS.quantity} className={inputClass} />}
          </Field>
          <Field label={f.availableUntil} {...field('available_until')}>
            {(input) => <input {...input} type="date" className={inputClass} />}
          </Field>
        </div>
      </fieldset>

      <ConsentFieldset label={f.consent} notice={t.privacyNotice} {...field('consent')} />

      <Honeypot input={{ ref: honeypot, name: 'website' }} />

      <Button type="submit" disabled={form.formState.isSubmitting} className="w-full sm:w-auto">
        {form.formState.isSubmitting ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
