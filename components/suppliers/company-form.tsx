'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { messages } from '@/lib/i18n';
import type { CompanyChangeResult } from '@/lib/suppliers/edit';
import { companyFormSchema, type CompanyFormValues } from '@/lib/suppliers/form';
import type { CompanyInput } from '@/lib/suppliers/schema';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { describedBy, Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';
import { CompanyKindOptions } from './company-kind-options';

const t = messages.suppliers;
const f = t.fields;

type Props =
  | { mode: 'create'; initial: CompanyFormValues; save: (input: CompanyInput) => Promise<CompanyChangeResult> }
  | {
      mode: 'edit';
      id: number;
      version: number;
      initial: CompanyFormValues;
      save: (input: CompanyInput & { id: number; version: number }) => Promise<CompanyChangeResult>;
    };

/** Create or edit a company; the same schema as import and API, German messages beside each field. */
export function CompanyForm(props: Props) {
  const router = useRouter();
  const version = useRef(props.mode === 'edit' ? props.version : 0);
  // Whether the last save changed anything, for the success message.
  const changed = useRef(true);
  const { form, result, onSubmit, field, checkbox } = useActionForm({
    schema: companyFormSchema,
    defaultValues: props.initial,
    action: (company: CompanyInput) =>
      props.mode === 'create' ? props.save(company) : props.save({ ...company, id: props.id, version: version.current }),
    onSuccess: (saved) => {
      if (props.mode === 'create') {
        router.push(`/suppliers/${saved.id}`);
        return;
      }
      changed.current = saved.version !== version.current;
      version.current = saved.version;
      router.refresh();
    },
    onFailure: ({ currentVersion }) => {
      if (!currentVersion) return;
      // Saving again now means: "I have seen their change in the history, keep mine".
      version.current = currentVersion;
      router.refresh();
    },
  });
  const notice = result && (result.ok ? (props.mode === 'edit' ? (changed.current ? t.saved : t.unchanged) : undefined) : result.error);

  const text = (
    name: keyof CompanyFormValues,
    label: string,
    options: {
      required?: boolean;
      hint?: string;
      type?: string;
      inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
      autoComplete?: string;
      wide?: boolean;
    } = {},
  ) => (
    <div className={options.wide ? 'sm:col-span-2' : undefined}>
      <Field
        label={label}
        required={options.required}
        hint={options.hint}
        {...field(name, name === 'postalCode' ? { onChange: clearCoordinates } : {})}
      >
        {(input) => (
          <input
            type={options.type ?? 'text'}
            inputMode={options.inputMode}
            autoComplete={options.autoComplete ?? 'off'}
            {...input}
            className={inputClass}
          />
        )}
      </Field>
    </div>
  );

  // New postal code, new place: coordinates are looked up again unless typed after it.
  function clearCoordinates() {
    form.setValue('latitude', '');
    form.setValue('longitude', '');
  }

  const area = (name: keyof CompanyFormValues, label: string, rows: number, hint?: string) => (
    <div className="sm:col-span-2">
      <Field label={label} hint={hint} {...field(name)}>
        {(input) => <textarea rows={rows} {...input} className={inputClass} />}
      </Field>
    </div>
  );

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label={props.mode === 'create' ? t.newTitle : t.sections.edit}>
      {notice && <Alert tone={result.ok ? 'success' : 'error'}>{notice}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        {text('name', f.name, { required: true, wide: true })}
        <Field label={f.kind} required {...field('kind')}>
          {(input) => (
            <select {...input} className={inputClass}>
              <CompanyKindOptions />
            </select>
          )}
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
          {...checkbox('publicListing')}
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
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t.saving : props.mode === 'create' ? t.create : t.save}
      </Button>
    </form>
  );
}
