import type { UseFormRegisterReturn } from 'react-hook-form';
import { messages } from '@/lib/i18n';
import { describedBy } from './ui/field';

const t = messages.request;

/** The privacy notice and the required consent box of a public form (request, offer). */
export function ConsentFieldset({
  label,
  notice = t.privacyNotice,
  error,
  registration,
}: {
  label: string;
  /** What the data is used for and how long it is kept, beside the link to the privacy page. */
  notice?: string;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <legend className="px-1 text-lg font-semibold text-brand-800">{t.sections.consent}</legend>
      <p className="text-sm text-slate-700">
        {notice}{' '}
        <a href="/datenschutz" className="text-brand-700 underline underline-offset-4" target="_blank" rel="noopener">
          {t.privacyLink}
        </a>
      </p>
      <div className="flex gap-3">
        <input type="checkbox" {...registration} {...describedBy('consent', { error })} className="mt-1 size-5 shrink-0 accent-brand-700" />
        <label htmlFor="consent" className="text-slate-900">
          {label}
          <span aria-hidden="true" className="text-red-700">
            {' '}
            *
          </span>
        </label>
      </div>
      {error && (
        <p id="consent-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
