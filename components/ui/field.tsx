import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

export const inputClass =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm ' +
  'placeholder:text-slate-500 focus:border-brand-600 aria-[invalid=true]:border-red-700 aria-[invalid=true]:bg-red-50';

/** What the input inside a registered Field spreads: react-hook-form's registration and the aria wiring. */
export type FieldInputProps = FieldRegistration & ReturnType<typeof describedBy>;

/** react-hook-form's registration with the field's initial value for the server's HTML. */
export type FieldRegistration = UseFormRegisterReturn & { defaultValue?: string | number };

interface FieldProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  registration?: FieldRegistration;
  /** With a registration, the input as a function of the props it must spread. */
  children: ReactNode | ((input: FieldInputProps) => ReactNode);
}

/**
 * Label, input, hint and error, wired for screen readers via ids. With a registration (from
 * `useActionForm().field(name)`) the input is a function of the props it must spread.
 */
export function Field({ id, label, required, hint, error, registration, children }: FieldProps) {
  const aria = describedBy(id, { hint, error });
  const input = typeof children === 'function' ? registration && children({ ...registration, ...aria }) : children;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
        {required && (
          <span aria-hidden="true" className="text-red-700">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {input}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes for the input inside a Field with the same id. */
export function describedBy(id: string, { hint, error }: { hint?: string; error?: string }) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids || undefined,
  } as const;
}
