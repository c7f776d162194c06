'use client';

import { type FormEventHandler, type ReactNode, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import {
  type EntryAnswer,
  type EntryCorrectionValues,
  entryConfirmSchema,
  entryCorrectionSchema,
  entryListingSchema,
} from '@/lib/suppliers/entry-schema';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';
import { Honeypot } from '../ui/honeypot';

const t = messages.entries;
const f = messages.suppliers.fields;

export type AnswerEntry = (input: EntryAnswer) => Promise<ActionResult<{ pending: boolean; listed: boolean }>>;

export interface EntryFormsProps {
  token: string;
  version: number;
  values: Omit<EntryCorrectionValues, 'token' | 'version' | 'url' | 'choice'>;
  publicListing: boolean;
  answer: AnswerEntry;
}

/**
 * One of the page's answers: title, explanation and its form, with the server's refusal above
 * the fields, the honeypot people never see (`website` is a real field here) and the button.
 */
function AnswerSection({
  id,
  title,
  text,
  submit,
  onSubmit,
  error,
  honeypot,
  submitting,
  children,
}: {
  id: string;
  title: string;
  text: string;
  submit: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: string | undefined;
  honeypot: UseFormRegisterReturn;
  submitting: boolean;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-brand-800">
        {title}
      </h2>
      <p className="text-slate-700">{text}</p>
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        <Honeypot input={honeypot} />
        {children}
        <Button type="submit" disabled={submitting} className="w-full sm:w-auto">
          {submit}
        </Button>
      </form>
    </section>
  );
}

/** The server's refusal of the last answer, if any. */
const refusal = (result: ActionResult<unknown> | undefined) => (result && !result.ok ? result.error : undefined);

/**
 * The company's three answers to its check link: confirm, correct, or choose the public
 * directory. The link works once, so after any answer the page shows only the thanks.
 */
export function EntryForms({ token, version, values, publicListing, answer }: EntryFormsProps) {
  const [done, setDone] = useState<string>();
  if (done) return <Alert tone="success">{done}</Alert>;
  return (
    <div className="space-y-5">
      <ConfirmForm token={token} version={version} answer={answer} onDone={setDone} />
      <CorrectionForm token={token} version={version} values={values} answer={answer} onDone={setDone} />
      <ListingForm token={token} version={version} publicListing={publicListing} answer={answer} onDone={setDone} />
    </div>
  );
}

type Part = { token: string; version: number; answer: AnswerEntry; onDone: (message: string) => void };

function ConfirmForm({ token, version, answer, onDone }: Part) {
  const { form, result, onSubmit } = useActionForm({
    schema: entryConfirmSchema,
    defaultValues: { token, version, url: '', choice: 'confirm' },
    action: answer,
    onSuccess: () => onDone(t.thanksConfirmed),
  });
  return (
    <AnswerSection
      id="confirm"
      title={t.confirmTitle}
      text={t.confirmText}
      submit={t.confirm}
      onSubmit={onSubmit}
      error={refusal(result)}
      honeypot={form.register('url')}
      submitting={form.formState.isSubmitting}
    />
  );
}

function CorrectionForm({ token, version, values, answer, onDone }: Part & { values: EntryFormsProps['values'] }) {
  const { form, result, onSubmit, field } = useActionForm({
    schema: entryCorrectionSchema,
    defaultValues: { ...values, token, version, url: '', choice: 'correct' as const },
    action: answer,
    onSuccess: (data) => onDone(t.thanksCorrected(data.pending)),
  });
  const text = (name: keyof EntryFormsProps['values'], label: string, type = 'text', autoComplete = 'off', hint?: string) => (
    <Field label={label} hint={hint} required={name === 'name' || name === 'postalCode' || name === 'city'} {...field(name)}>
      {(input) => <input type={type} autoComplete={autoComplete} {...input} className={inputClass} />}
    </Field>
  );
  const area = (name: keyof EntryFormsProps['values'], label: string, hint?: string) => (
    <Field label={label} hint={hint} {...field(name)}>
      {(input) => <textarea rows={4} {...input} className={inputClass} />}
    </Field>
  );
  return (
    <AnswerSection
      id="correct"
      title={t.correctTitle}
      text={t.correctText}
      submit={t.correct}
      onSubmit={onSubmit}
      error={refusal(result)}
      honeypot={form.register('url')}
      submitting={form.formState.isSubmitting}
    >
      {text('email', f.email, 'email', 'email')}
      {text('phone', f.phone, 'tel', 'tel')}
      {text('website', f.website, 'url', 'url')}
      {text('contactPerson', f.contactPerson, 'text', 'name')}
      {text('name', f.name, 'text', 'organization')}
      {text('street', f.street, 'text', 'street-address')}
      <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
        {text('postalCode', f.postalCode, 'text', 'postal-code')}
        {text('city', f.city, 'text', 'address-level2')}
      </div>
      {area('capabilities', f.capabilities, messages.suppliers.hints.capabilities)}
      {area('certifications', f.certifications, messages.suppliers.hints.certifications)}
      {text('sectors', f.sectors, 'text', 'off', messages.suppliers.hints.sectors)}
      {area('description', f.description)}
    </AnswerSection>
  );
}

function ListingForm({ token, version, publicListing, answer, onDone }: Part & { publicListing: boolean }) {
  const { form, result, onSubmit, radio } = useActionForm({
    schema: entryListingSchema,
    defaultValues: { token, version, url: '', choice: 'listing', publicListing: String(publicListing) },
    action: answer,
    onSuccess: (data) => onDone(t.thanksListing(data.listed)),
  });
  return (
    <AnswerSection
      id="listing"
      title={t.listingTitle}
      text={t.listingText}
      submit={t.listing}
      onSubmit={onSubmit}
      error={refusal(result)}
      honeypot={form.register('url')}
      submitting={form.formState.isSubmitting}
    >
      <fieldset className="space-y-2">
        <legend className="sr-only">{t.listingTitle}</legend>
        {(['true', 'false'] as const).map((value) => (
          <label key={value} className="flex items-center gap-3 text-slate-900">
            <input type="radio" {...radio('publicListing', value)} className="size-5" />
            {value === 'true' ? t.listingYes : t.listingNo}
          </label>
        ))}
      </fieldset>
    </AnswerSection>
  );
}
