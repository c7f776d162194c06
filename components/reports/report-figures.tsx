import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import type { Median, Report, WeeklyCounts } from '@/lib/reports/figures';
import { ReportBarChart, type ChartSeries } from './bar-chart';
import { FigureCard } from './figure-card';
import { ReportTable } from './report-table';

const t = messages.reports;

/** A weekly figure: stacked bars per week, and the table of weeks × series with totals. */
export function WeeklyFigure<K extends string>({
  caption,
  counts,
  series,
}: {
  caption: string;
  counts: WeeklyCounts<K>;
  series: (ChartSeries & { key: K })[];
}) {
  const rows = counts.weeks.map((w) => ({
    label: t.week(w.isoWeek, w.isoYear),
    values: series.map((s) => w.counts[s.key] ?? 0),
    total: w.total,
  }));
  const data = rows.map((row) => ({ label: row.label, ...Object.fromEntries(series.map((s, i) => [s.key, row.values[i]!])) }));
  const totals = series.map((_, i) => rows.reduce((sum, row) => sum + row.values[i]!, 0));
  const multi = series.length > 1;
  return (
    <>
      <ReportBarChart data={data} labelKey="label" series={series} stacked />
      <ReportTable
        caption={caption}
        head={[t.weekColumn, ...series.map((s) => s.label), ...(multi ? [t.total] : [])]}
        rows={rows.map((row) => ({ key: row.label, cells: [row.label, ...row.values, ...(multi ? [row.total] : [])] }))}
        foot={[t.total, ...totals, ...(multi ? [totals.reduce((a, b) => a + b, 0)] : [])]}
      />
    </>
  );
}

/** Only the keys that occur in the period: nine statuses with mostly zeros say nothing. */
function occurring<K extends string>(counts: WeeklyCounts<K>, keys: readonly K[], labels: Record<K, string>): (ChartSeries & { key: K })[] {
  return keys
    .map((key, colorIndex) => ({ key, label: labels[key], colorIndex }))
    .filter(({ key }) => counts.weeks.some((w) => (w.counts[key] ?? 0) > 0));
}

function medianText(median: Median, unit: (value: number) => string) {
  return median.median === null ? t.times.none : unit(median.median);
}

function Times({ medians }: { medians: Report['medians'] }) {
  const tiles = [
    { key: 'response', label: t.times.firstResponse, median: medians.firstResponseHours, unit: t.times.hoursOrDays },
    { key: 'introduction', label: t.times.firstIntroduction, median: medians.firstIntroductionDays, unit: t.times.days },
    { key: 'resolution', label: t.times.resolution, median: medians.resolutionDays, unit: t.times.days },
  ];
  return (
    <>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: nothing in the tiles is focusable; screen readers get the same figures from the table below */}
      <dl className="grid gap-3 sm:grid-cols-3" aria-hidden="true">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded-md bg-brand-50 p-3">
            <dt className="text-sm text-slate-700">{tile.label}</dt>
            <dd className="text-2xl font-bold text-brand-800">{medianText(tile.median, tile.unit)}</dd>
            <dd className="text-xs text-slate-600">{t.times.basis(tile.median.cases)}</dd>
          </div>
        ))}
      </dl>
      <ReportTable
        caption={t.times.title}
        head={[t.times.measure, t.times.median, t.times.cases]}
        rows={tiles.map((tile) => ({ key: tile.key, cells: [tile.label, medianText(tile.median, tile.unit), tile.median.cases] }))}
      />
    </>
  );
}

function Outcomes({ outcomes }: { outcomes: Report['outcomes'] }) {
  const series: ChartSeries[] = [{ key: 'count', label: t.count }];
  const rows = (Object.keys(outcomes.counts) as (keyof typeof outcomes.counts)[]).map((outcome) => ({
    key: outcome,
    label: messages.introductions.outcomes[outcome],
    count: outcomes.counts[outcome],
  }));
  const rate =
    outcomes.agreementRate === null
      ? t.outcomes.noRate
      : t.outcomes.rate(outcomes.agreementRate, outcomes.counts.agreement, outcomes.final);
  return (
    <>
      <p className="text-base font-semibold text-slate-900">{rate}</p>
      <ReportBarChart data={rows.map((r) => ({ label: r.label, count: r.count }))} labelKey="label" series={series} horizontal />
      <ReportTable
        caption={t.outcomes.title}
        head={[t.outcomes.outcome, t.count]}
        rows={[
          ...rows.map((r) => ({ key: r.key, cells: [r.label, r.count] })),
          { key: 'order', cells: [t.outcomes.agreementKinds.order, outcomes.agreementKinds.order] },
          { key: 'cooperation', cells: [t.outcomes.agreementKinds.cooperation, outcomes.agreementKinds.cooperation] },
        ]}
        foot={[t.total, outcomes.total]}
      />
    </>
  );
}

/** A ranking or breakdown: horizontal bars for the rows with something to show, the table with all rows. */
export function Breakdown({
  caption,
  head,
  series,
  rows,
}: {
  caption: string;
  head: string[];
  series: ChartSeries[];
  rows: { key: string; label: string; values: number[] }[];
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t.noData}</p>;
  return (
    <>
      <ReportBarChart
        data={rows
          .filter((r) => r.values.some((v) => v > 0))
          .map((r) => ({ label: r.label, ...Object.fromEntries(series.map((s, i) => [s.key, r.values[i]!])) }))}
        labelKey="label"
        series={series}
        horizontal
      />
      <ReportTable caption={caption} head={head} rows={rows.map((r) => ({ key: r.key, cells: [r.label, ...r.values] }))} />
    </>
  );
}

/** Every figure of a report, one card each. */
export function ReportFigures({ report, today }: { report: Report; today: string }) {
  const categories = occurring(
    report.casesByCategory,
    Object.keys(messages.categories) as (keyof typeof messages.categories)[],
    messages.categories,
  );
  const statuses = occurring(report.casesByStatus, Object.keys(messages.statuses) as (keyof typeof messages.statuses)[], messages.statuses);
  const introductionsTotal = report.introductionsPerWeek.weeks.reduce((sum, w) => sum + w.total, 0);
  const d = t.districts;
  const w = t.workload;
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <FigureCard
        id="cases-by-category"
        title={t.casesByCategory.title}
        description={t.casesByCategory.description(report.casesTotal)}
        wide
      >
        <WeeklyFigure caption={t.casesByCategory.title} counts={report.casesByCategory} series={categories} />
      </FigureCard>
      <FigureCard id="cases-by-status" title={t.casesByStatus.title} description={t.casesByStatus.description} wide>
        <WeeklyFigure caption={t.casesByStatus.title} counts={report.casesByStatus} series={statuses} />
      </FigureCard>
      <FigureCard id="times" title={t.times.title} description={t.times.description} wide>
        <Times medians={report.medians} />
      </FigureCard>
      <FigureCard
        id="introductions-per-week"
        title={t.introductionsPerWeek.title}
        description={t.introductionsPerWeek.description(introductionsTotal)}
      >
        <WeeklyFigure
          caption={t.introductionsPerWeek.title}
          counts={report.introductionsPerWeek}
          series={[{ key: 'introductions', label: t.introductionsPerWeek.series }]}
        />
      </FigureCard>
      <FigureCard id="outcomes" title={t.outcomes.title} description={t.outcomes.description}>
        <Outcomes outcomes={report.outcomes} />
      </FigureCard>
      <FigureCard id="top-categories" title={t.topCategories.title}>
        <Breakdown
          caption={t.topCategories.title}
          head={[t.topCategories.category, t.count]}
          series={[{ key: 'cases', label: t.times.cases }]}
          rows={report.topCategories.map((c) => ({ key: c.category, label: messages.categories[c.category], values: [c.cases] }))}
        />
      </FigureCard>
      <FigureCard
        id="top-sectors"
        title={t.topSectors.title}
        description={t.topSectors.description(report.topSectors.length, report.casesWithoutSector)}
      >
        <Breakdown
          caption={t.topSectors.title}
          head={[t.topSectors.sector, t.count]}
          series={[{ key: 'cases', label: t.times.cases }]}
          rows={report.topSectors.map((s) => ({ key: s.division, label: `${s.division} ${s.title}`, values: [s.cases] }))}
        />
      </FigureCard>
      <FigureCard id="districts" title={d.title} description={d.description}>
        <Breakdown
          caption={d.title}
          head={[d.district, d.requests, d.introductions]}
          series={[
            { key: 'requests', label: d.requests },
            { key: 'introductions', label: d.introductions },
          ]}
          rows={report.districts.map((r) => ({
            key: r.key ?? 'unknown',
            label: r.name ?? d.unknown,
            values: [r.requests, r.introductions],
          }))}
        />
      </FigureCard>
      <FigureCard id="workload" title={w.title} description={w.description(formatDate(today))}>
        <Breakdown
          caption={w.title}
          head={[w.person, w.openCases, w.introductions, w.followUpsDue]}
          series={[
            { key: 'openCases', label: w.openCases },
            { key: 'introductions', label: w.introductions },
            { key: 'followUpsDue', label: w.followUpsDue },
          ]}
          rows={report.workload.map((u) => ({
            key: String(u.userId),
            label: u.name,
            values: [u.openCases, u.introductions, u.followUpsDue],
          }))}
        />
      </FigureCard>
    </div>
  );
}
