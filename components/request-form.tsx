'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import type { AttachmentLimits } from '@/lib/attachments/limits';
import { NEED_CATEGORIES, ORGANISATION_KINDS, URGENCIES } from '@/lib/cases/vocabulary';
import { messages } from '@/lib/i18n';
import { helpRequestSchema, LIMITS } from '@/lib/intake/schema';
import type { SectorSection } from '@/lib/sectors/queries';
import { AttachmentInput, useAttachmentInput } from './attachment-input';
import { ConsentFieldset } from './consent-fieldset';
import { Honeypot } from './ui/honeypot';
import { SectorOptions } from './sector-select';
import { rememberConfirmation } from './confirmation-details';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { describedBy, Field, inputClass } from './ui/field';

const t = messages.request;
const f = t.fields;

type Input = z.input<typeof helpRequestSchema>;
type Output = z.output<typeof helpRequestSchema>;

export type IntakeFormResult = ActionResult<{ reference: string }, { formToken: string }>;
export type SubmitRequest = (
  request: Output,
  envelope: { website: string; form_token: string; idempotency_key: string },
  files: FormData,
) => Promise<IntakeFormResult>;

interface RequestFormProps {
  action: SubmitRequest;
  formToken: string;
  sectorGroups: SectorSection[];
  attachmentLimits: AttachmentLimits;
  /** Set when the request starts from a company in the directory. */
  initialDescription?: string;
}

export function RequestForm({ action, formToken, sectorGroups, attachmentLimits, initialDescription = '' }: RequestFormProps) {
  const router = useRouter();
  // One key per filled-in form: double clicks and retries land on the same case.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const token = useRef(formToken);
  const honeypot = useRef<HTMLInputElement>(null);
  const [formError, setFormError] = useState<string>();
  const attachments = useAttachmentInput(attachmentLimits);
  // A refusal without a field to point at (too fast, too many, server trouble) would appear far
  // above the button on a phone: focus moves to it, so it is seen and read out.
  const notice = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);
  useEffect(() => {
    if (!formError || !focusNotice.current) return;
    focusNotice.current = false;
    notice.current?.focus({ preventScroll: true });
    notice.current?.scrollIntoView({ block: 'center' });
  }, [formError]);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(helpRequestSchema),
    mode: 'onTouched',
    defaultValues: {
      organisation: '',
      contact_name: '',
      email: '',
      phone: '',
      postal_code: '',
      city: '',
      description: initialDescription,
      quantity: '',
      needed_by: '',
      sector: '',
      consent: false as unknown as true,
    },
  });

  const onSubmit = async (values: Output) => {
    setFormError(undefined);
    const files = attachments.take();
    if ('error' in files) return setFormError(t.fixErrors);
    let result: Awaited<ReturnType<typeof action>>;
    try {
      result = await action(
        values,
        { website: honeypot.current?.value ?? '', form_token: token.current, idempotency_key: idempotencyKey },
        files.form,
      );
    } catch {
      focusNotice.current = true;
      setFormError(messages.errors.unexpected);
      return;
    }
    if (result.ok) {
      rememberConfirmation(result.data.reference, values.email);
      router.push(`/request/received?ref=${encodeURIComponent(result.data.reference)}`);
      return;
    }
    if (result.formToken) token.current = result.formToken;
    const { files: filesRefused, ...fieldErrors } = result.fieldErrors ?? {};
    if (filesRefused) {
      attachments.showError(filesRefused);
      return setFormError(t.fixErrors);
    }
    const fields = Object.entries(fieldErrors);
    focusNotice.current = fields.length === 0;
    setFormError(result.error);
    for (const [i, [name, message]] of fields.entries()) {
      setError(name as keyof Input, { type: 'server', message }, { shouldFocus: i === 0 });
    }
  };

  const err = (name: keyof Input) => errors[name]?.message as string | undefined;
  const description = watch('description') ?? '';

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit, () => setFormError(t.fixErrors))} className="space-y-8">
      {formError && (
        <div ref={notice} tabIndex={-1} className="scroll-mt-4 outline-none focus-visible:ring-2 focus-visible:ring-red-700">
          <Alert tone="error">{formError}</Alert>
        </div>
      )}

      <fieldset className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold text-brand-800">{t.sections.organisation}</legend>
        <Field id="organisation" label={f.organisation} required error={err('organisation')}>
          <input
            {...register('organisation')}
            {...describedBy('organisation', { error: err('organisation') })}
            autoComplete="organization"
            maxLength={LIMITS.organisation}
            className={inputClass}
          />
        </Field>
        <Field id="kind" label={f.kind} required error={err('kind')}>
          <select {...register('kind')} {...describedBy('kind', { error: err('kind') })} className={inputClass} defaultValue="">
            <option value="" disabled>
              {t.chooseOption}
            </option>
            {ORGANISATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {messages.kinds[kind]}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
          <Field id="postal_code" label={f.postalCode} required error={err('postal_code')}>
            <input
              {...register('postal_code')}
              {...describedBy('postal_code', { error: err('postal_code') })}
              autoComplete="postal-code"
              inputMode="numeric"
              maxLength={5}
              className={inputClass}
            />
          </Field>
          <Field id="city" label={f.city} required error={err('city')}>
            <input
              {...register('city')}
              {...describedBy('city', { error: err('city') })}
              autoComplete="address-level2"
              maxLength={LIMITS.city}
              className={inputClass}
            />
          </Field>
        </div>
        <Field id="sector" label={f.sector} hint={f.sectorHint} error={err('sector')}>
          <select {...register('sector')} {...describedBy('sector', { hint: f.sectorHint, error: err('sector') })} className={inputClass}>
            <SectorOptions groups={sectorGroups} />
          </select>
        </Field>
      </fieldset>

      <fieldset className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold text-brand-800">{t.sections.contact}</legend>
        <Field id="contact_name" label={f.contactName} required error={err('contact_name')}>
          <input
            {...register('contact_name')}
            {...describedBy('contact_name', { error: err('contact_name') })}
            autoComplete="name"
            maxLength={LIMITS.contactName}
            className={inputClass}
          />
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="email" label={f.email} required error={err('email')}>
            <input
              {...register('email')}
              {...describedBy('email', { error: err('email') })}
              type="email"
              autoComplete="email"
              inputMode="email"
              maxLength={LIMITS.email}
              className={inputClass}
            />
          </Field>
          <Field id="phone" label={f.phone} error={err('phone')}>
            <input
              {...register('phone')}
              {...describedBy('phone', { error: err('phone') })}
              type="tel"
              autoComplete="tel"
              maxLength={LIMITS.phone}
              className={inputClass}
            />
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold text-brand-800">{t.sections.need}</legend>
        <Field id="category" label={f.category} required error={err('category')}>
          <select {...register('category')} {...describedBy('category', { error: err('category') })} className={inputClass} defaultValue="">
            <option value="" disabled>
              {t.chooseOption}
            </option>
            {NEED_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {messages.categories[category]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="description" label={f.description} required hint={f.descriptionHint(LIMITS.descriptionMin)} error={err('description')}>
          <textarea
            {...register('description')}
            {...describedBy('description', { hint: f.descriptionHint(LIMITS.descriptionMin), error: err('description') })}
            rows={6}
            maxLength={LIMITS.description}
            className={inputClass}
          />
          <p className="text-right text-sm text-slate-600" aria-live="polite">
            {t.charactersLeft(LIMITS.description - description.length)}
          </p>
        </Field>
        <Field id="quantity" label={f.quantity} hint={f.quantityHint} error={err('quantity')}>
          <input
            {...register('quantity')}
            {...describedBy('quantity', { hint: f.quantityHint, error: err('quantity') })}
            maxLength={LIMITS.quantity}
            className={inputClass}
          />
        </Field>
        <AttachmentInput {...attachments.inputProps} />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="urgency" label={f.urgency} required error={err('urgency')}>
            <select {...register('urgency')} {...describedBy('urgency', { error: err('urgency') })} className={inputClass} defaultValue="">
              <option value="" disabled>
                {t.chooseOption}
              </option>
              {URGENCIES.map((urgency) => (
                <option key={urgency} value={urgency}>
                  {messages.urgencies[urgency]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="needed_by" label={f.neededBy} error={err('needed_by')}>
            <input
              {...register('needed_by')}
              {...describedBy('needed_by', { error: err('needed_by') })}
              type="date"
              className={inputClass}
            />
          </Field>
        </div>
      </fieldset>

      <ConsentFieldset label={f.consent} error={err('consent')} registration={register('consent')} />

      <Honeypot input={{ ref: honeypot, name: 'website' }} />

      <Button type="submit" disabled={isSubmitting} className="w-full sm:w-auto">
        {isSubmitting ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
