import Link from 'next/link';
import { COMPANY_KINDS, SIZE_CLASSES } from '@/lib/suppliers/vocabulary';
import { messages } from '@/lib/i18n';
import type { Facets } from '@/lib/suppliers/search';
import { searchHref, type SearchState } from '@/lib/suppliers/search-url';
import { inputClass } from '../ui/field';

const t = messages.suppliers;
const compact = inputClass.replace('py-2.5', 'py-2');
export const RADII = [10, 25, 50, 100, 200];
const PAGE_SIZES = [20, 50, 100, 200];

export interface CaseOrigin {
  id: number;
  reference: string;
  place: string;
}

interface Props {
  path: string;
  state: SearchState;
  facets: Facets;
  caseOrigin?: CaseOrigin;
}

const counted = (label: string, n: number | undefined, chosen: boolean) => (chosen || n === undefined ? label : t.withCount(label, n));

/** A plain GET form: the search lives in the URL, works without JavaScript and survives reloads. */
export function SearchForm({ path, state, facets, caseOrigin }: Props) {
  const radii = state.radius_km && !RADII.includes(state.radius_km) ? [...RADII, state.radius_km].sort((a, b) => a - b) : RADII;
  const certifications = Object.entries(facets.certifications)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'de'))
    .slice(0, 60);
  if (state.certification && !certifications.some(([c]) => c === state.certification)) certifications.unshift([state.certification, 0]);

  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label={t.searchLabel}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {state.sector && <input type="hidden" name="sector" value={state.sector} />}
      {state.district && <input type="hidden" name="district" value={state.district} />}
      {caseOrigin && <input type="hidden" name="case" value={caseOrigin.id} />}
      {state.layout && <input type="hidden" name="layout" value={state.layout} />}
      <div className="grid gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <div className="text-sm">
          <label htmlFor="supplier-q" className="block font-medium">
            {t.q}
          </label>
          <input
            id="supplier-q"
            name="q"
            type="search"
            defaultValue={state.q ?? ''}
            maxLength={200}
            aria-describedby="supplier-q-hint"
            className={`${compact} mt-1`}
          />
          <p id="supplier-q-hint" className="mt-1 text-xs text-slate-600">
            {t.qHint}
          </p>
        </div>
        <div className="text-sm">
          <label htmlFor="supplier-near" className="block font-medium">
            {t.near}
          </label>
          <input
            id="supplier-near"
            name="near"
            inputMode="numeric"
            autoComplete="postal-code"
            pattern="\d{5}|-?\d{1,2}(\.\d+)?,\s*-?\d{1,3}(\.\d+)?"
            defaultValue={state.near ?? ''}
            aria-describedby={caseOrigin ? 'supplier-near-case' : undefined}
            className={`${compact} mt-1`}
          />
          {caseOrigin && (
            <p id="supplier-near-case" className="mt-1 text-xs text-slate-700">
              {state.near ? t.caseOriginHint : t.caseOrigin(caseOrigin.reference, caseOrigin.place)}
            </p>
          )}
        </div>
        <label className="block text-sm font-medium">
          {t.radius}
          <select name="radius_km" defaultValue={state.radius_km ? String(state.radius_km) : ''} className={`${compact} mt-1`}>
            <option value="">{t.anyRadius}</option>
            {radii.map((km) => (
              <option key={km} value={km}>
                {t.radiusOption(km)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <label className="block text-sm font-medium">
          {t.kind}
          <select name="kind" defaultValue={state.kind ?? ''} className={`${compact} mt-1`}>
            <option value="">{t.anyKind}</option>
            {COMPANY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {counted(t.kinds[kind], facets.kinds[kind] ?? 0, false)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t.size}
          <select name="size" defaultValue={state.size ?? ''} className={`${compact} mt-1`}>
            <option value="">{t.anySize}</option>
            {SIZE_CLASSES.map((size) => (
              <option key={size} value={size}>
                {counted(t.sizes[size], facets.sizes[size] ?? 0, false)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t.certification}
          <select name="certification" defaultValue={state.certification ?? ''} className={`${compact} mt-1`}>
            <option value="">{t.anyCertification}</option>
            {certifications.map(([certification, n]) => (
              <option key={certification} value={certification}>
                {counted(certification, n, n === 0)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t.perPage}
          <select name="limit" defaultValue={String(state.limit)} className={`${compact} mt-1`}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="verified" value="1" defaultChecked={state.verified === '1'} className="size-4" />
          {messages.entries.verifiedFilter}
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t.search}
        </button>
        <Link href={caseOrigin ? `${path}?case=${caseOrigin.id}` : path} className="text-sm text-brand-700 underline underline-offset-4">
          {t.reset}
        </Link>
        {caseOrigin && (
          <Link href={searchHref(path, state, { case: undefined })} className="text-sm text-brand-700 underline underline-offset-4">
            {t.dropCaseOrigin}
          </Link>
        )}
      </div>
    </form>
  );
}
