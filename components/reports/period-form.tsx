import Link from 'next/link';
import { messages } from '@/lib/i18n';
import type { ReportPeriod } from '@/lib/reports/period';
import { inputClass } from '../ui/field';

const t = messages.reports.period;

interface Props {
  /** What the inputs show: the URL's values, even when they were refused. */
  values: { from: string; to: string };
  /** Quick choices: a label and the period it stands for. */
  presets: { label: string; period: ReportPeriod }[];
  error?: string;
}

function DateInput({ name, label, value, invalid }: { name: string; label: string; value: string; invalid: boolean }) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <input
        type="date"
        name={name}
        defaultValue={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'period-error' : undefined}
        className={`${inputClass} mt-1 py-1.5`}
      />
    </label>
  );
}

/** A plain GET form: the period lives in the URL, so a report can be bookmarked and shared. */
export function PeriodForm({ values, presets, error }: Props) {
  return (
    <form method="get" action="/reports" className="rounded-lg border border-slate-200 bg-white p-4">
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="mb-2 font-semibold text-brand-800">{t.legend}</legend>
        <DateInput name="from" label={t.from} value={values.from} invalid={Boolean(error)} />
        <DateInput name="to" label={t.to} value={values.to} invalid={Boolean(error)} />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t.submit}
        </button>
        <div className="flex flex-wrap gap-2 text-sm">
          {presets.map((preset) => (
            <Link
              key={preset.label}
              href={`/reports?from=${preset.period.from}&to=${preset.period.to}`}
              className="rounded-full border border-slate-300 px-3 py-1 font-medium text-slate-800 hover:bg-slate-100"
            >
              {preset.label}
            </Link>
          ))}
        </div>
      </fieldset>
      {error && (
        <p id="period-error" role="alert" className="mt-3 text-sm font-medium text-red-700">
          {error} {t.fallback}
        </p>
      )}
    </form>
  );
}
