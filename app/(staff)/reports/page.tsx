import type { Metadata } from 'next';
import { requireStaffPage } from '@/app/guards';
import { PeriodForm } from '@/components/reports/period-form';
import { ReportFigures } from '@/components/reports/report-figures';
import { UnmetDemandFigures } from '@/components/reports/unmet-demand';
import { berlinDate, formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { loadReport } from '@/lib/reports/figures';
import { lastWeeks, parseReportPeriod } from '@/lib/reports/period';
import { loadUnmetDemand } from '@/lib/reports/unmet-demand';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.reports;

export const metadata: Metadata = { title: t.title };

const PRESET_WEEKS = [4, 12, 52];

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaffPage('expert', '/reports');
  const raw = await searchParams;
  const param = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const today = berlinDate();
  const parsed = parseReportPeriod({ from: param('from'), to: param('to') }, today);
  const { period } = parsed;
  const [report, unmetDemand] = await Promise.all([loadReport(period, today), loadUnmetDemand(period)]);
  const query = `from=${period.from}&to=${period.to}`;

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <PageTitle>{t.title}</PageTitle>
        <p className="max-w-3xl text-slate-700">{t.intro}</p>
      </div>
      <PeriodForm
        values={parsed.ok ? period : { from: param('from') ?? '', to: param('to') ?? '' }}
        presets={PRESET_WEEKS.map((weeks) => ({ label: t.period.lastWeeks(weeks), period: lastWeeks(today, weeks) }))}
        error={parsed.ok ? undefined : parsed.error}
      />
      <p className="text-lg font-semibold text-slate-900">{t.period.shown(formatDate(period.from), formatDate(period.to))}</p>
      <ReportFigures report={report} today={today} />
      <section aria-labelledby="unmet-demand-title" className="space-y-3">
        <h2 id="unmet-demand-title" className="text-xl font-bold tracking-tight text-brand-800">
          {t.unmetDemand.title}
        </h2>
        <UnmetDemandFigures demand={unmetDemand} />
      </section>
      <section aria-labelledby="export-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="export-title" className="text-lg font-semibold text-brand-800">
          {t.export.title}
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">{t.export.description}</p>
        <div className="flex flex-wrap gap-3">
          <a
            href={`/api/reports/cases.csv?${query}`}
            download
            className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t.export.cases}
          </a>
          <a
            href={`/api/reports/introductions.csv?${query}`}
            download
            className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t.export.introductions}
          </a>
          <a
            href={`/api/reports/unmet-demand.csv?${query}`}
            download
            className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t.unmetDemand.export.cases}
          </a>
          <a
            href={`/api/reports/search-misses.csv?${query}`}
            download
            className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t.unmetDemand.export.misses}
          </a>
        </div>
      </section>
    </div>
  );
}
