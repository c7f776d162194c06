'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { type FieldError, useForm } from 'react-hook-form';
import { COMPANY_KINDS } from '@/lib/suppliers/vocabulary';
import { messages } from '@/lib/i18n';
import type { CompanyChangeResult } from '@/lib/suppliers/edit';
import { companyFormSchema, type CompanyFormValues } from '@/lib/suppliers/form';
import type { CompanyInput } from '@/lib/suppliers/schema';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { describedBy, Field, inputClass } from '../ui/field';

const t = messages.suppliers;
const f = t.fields;

type Props =
  | { mode: 'create'; initial: CompanyFormValues; save: (input: CompanyInput) => Promise<CompanyChangeResult> }
  | {
      mode: 'edit';
      id: number;
      version: number;
      initial: CompanyFormValues;
      save: (input: { id: number; version: number; company: CompanyInput }) => Promise<CompanyChangeResult>;
    };

/** A list field's error may sit on the list or on one of its entries. */
function messageOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof (error as FieldError).message === 'string') return (error as FieldError).message;
  for (const entry of Object.values(error)) {
    const nested = messageOf(entry);
    if (nested) return nested;
  }
  return undefined;
}

/** Create or edit a company; the same schema as import and API, German messages beside each field. */
export function CompanyForm(props: Props) {
  const router = useRouter();
  const version = useRef(props.mode === 'edit' ? props.version : 0);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const { register, handleSubmit, setError, setValue, formState } = useForm<CompanyFormValues, unknown, CompanyInput>({
    resolver: zodResolver(companyFormSchema),
    defaultValues: props.initial,
  });
  const errors = formState.errors;
  const error = (name: keyof CompanyFormValues) => messageOf(errors[name]);

  const onSubmit = async (company: CompanyInput) => {
    setNotice(undefined);
    const failed: CompanyChangeResult = { ok: false, error: messages.errors.unexpected };
    const result: CompanyChangeResult =
      props.mode === 'create'
        ? await props.save(company).catch(() => failed)
        : await props.save({ id: props.id, version: version.current, company }).catch(() => failed);
    if (result.ok) {
      if (props.mode === 'create') {
        router.push(`/suppliers/${result.id}`);
        return;
      }
      setNotice({ tone: 'success', text: result.version === version.current ? t.unchanged : t.saved });
      version.current = result.version;
      router.refresh();
      return;
    }
    setNotice({ tone: 'error', text: result.error });
    if (result.currentVersion) {
      // Saving again now means: "I have seen their change in the history, keep mine".
      version.current = result.currentVersion;
      router.refresh();
    }
    for (const [name, message] of Object.entries(result.fieldErrors ?? {})) {
      setError(name as keyof CompanyFormValues, { type: 'server', message });
    }
  };

  const text = (name: keyof CompanyFormValues, label: string, options: { required?: boolean; hint?: string; type?: string; inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url'; autoComplete?: string; wide?: boolean } = {}) => (
    <div className={options.wide ? 'sm:col-span-2' : undefined}>
      <Field id={name} label={label} required={options.required} hint={options.hint} error={error(name)}>
        <input
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          autoComplete={options.autoComplete ?? 'off'}
          {...register(name, name === 'postalCode' ? { onChange: clearCoordinates } : undefined)}
          {...describedBy(name, { hint: options.hint, error: error(name) })}
          className={inputClass}
        />
      </Field>
    </div>
  );

  // New postal code, new place: coordinates are looked up again unless typed after it.
  function clearCoordinates() {
    setValue('latitude', '');
    setValue('longitude', '');
  }

  const area = (name: keyof CompanyFormValues, label: string, rows: number, hint?: string) => (
    <div className="sm:col-span-2">
      <Field id={name} label={label} hint={hint} error={error(name)}>
        <textarea rows={rows} {...register(name)} {...describedBy(name, { hint, error: error(name) })} className={inputClass} />
      </Field>
    </div>
  );

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-4" aria-label={props.mode === 'create' ? t.newTitle : t.sections.edit}>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        {text('name', f.name, { required: true, wide: true })}
        <Field id="kind" label={f.kind} required error={error('kind')}>
          <select {...register('kind')} {...describedBy('kind', { error: error('kind') })} className={inputClass}>
            {COMPANY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.kinds[kind]}
              </option>
            ))}
          </select>
        </Field>
        {text('externalId', f.externalId)}
        {text('street', f.street, { wide: true, autoComplete: 'street-address' })}
        {text('postalCode', f.postalCode, { required: true, inputMode: 'numeric', autoComplete: 'postal-code' })}
        {text('city', f.city, { required: true, autoComplete: 'address-level2' })}
        {text('latitude', f.latitude, { inputMode: 'decimal', hint: t.hints.coordinates })}
        {text('longitude', f.longitude, { inputMode: 'decimal', hint: t.hints.coordinates })}
        {text('website', f.website, { wide: true, type: 'url', inputMode: 'url' })}
        {text('email', f.email, { type: 'email', inputMode: 'email' })}
        {text('phone', f.phone, { type: 'tel', inputMode: 'tel' })}
        {text('contactPerson', f.contactPerson, { wide: true, hint: t.hints.contactPerson })}
        {text('sectors', f.sectors, { wide: true, hint: t.hints.sectors })}
        {area('capabilities', f.capabilities, 4, t.hints.capabilities)}
        {area('certifications', f.certifications, 2, t.hints.certifications)}
        {text('employees', f.employees, { inputMode: 'numeric' })}
        {area('description', f.description, 5)}
      </div>
      <div className="flex items-start gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
        <input
          type="checkbox"
          {...register('publicListing')}
          {...describedBy('publicListing', { hint: t.hints.publicListing })}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <div>
          <label htmlFor="publicListing" className="font-medium text-slate-900">
            {f.publicListing}
          </label>
          <p id="publicListing-hint" className="text-sm text-slate-600">
            {t.hints.publicListing}
          </p>
        </div>
      </div>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t.saving : props.mode === 'create' ? t.create : t.save}
      </Button>
    </form>
  );
}
