import { messages } from '@/lib/i18n';
import { UNMET_REASONS, type UnmetDemand, type UnmetRow } from '@/lib/reports/unmet-demand';
import { FigureCard } from './figure-card';
import { Breakdown, WeeklyFigure } from './report-figures';

const t = messages.reports;
const u = t.unmetDemand;

const series = UNMET_REASONS.map((key, colorIndex) => ({ key, label: u.reasons[key], colorIndex }));

function ReasonTable({ caption, head, rows, unknown }: { caption: string; head: string; rows: UnmetRow[]; unknown: string }) {
  return (
    <Breakdown
      caption={caption}
      head={[head, ...series.map((s) => s.label), u.cases]}
      series={series}
      rows={rows.map((row) => ({
        key: row.key ?? 'unknown',
        label: row.label ?? unknown,
        values: [...UNMET_REASONS.map((reason) => row.counts[reason]), row.cases],
      }))}
    />
  );
}

/** The demand the desk could not meet: over time, by sector and district, and the searches that found nothing. */
export function UnmetDemandFigures({ demand }: { demand: UnmetDemand }) {
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <FigureCard id="unmet-by-week" title={u.byWeek} description={u.description(demand.cases)} wide>
        <WeeklyFigure caption={u.byWeek} counts={demand.byWeek} series={series} />
      </FigureCard>
      <FigureCard id="unmet-by-division" title={u.byDivision}>
        <ReasonTable caption={u.byDivision} head={u.division} rows={demand.byDivision} unknown={u.noDivision} />
      </FigureCard>
      <FigureCard id="unmet-by-district" title={u.byDistrict}>
        <ReasonTable caption={u.byDistrict} head={t.districts.district} rows={demand.byDistrict} unknown={t.districts.unknown} />
      </FigureCard>
      <FigureCard id="search-misses" title={u.misses} description={u.missesDescription} wide>
        <Breakdown
          caption={u.misses}
          head={[u.term, u.searches]}
          series={[{ key: 'searches', label: u.searches }]}
          rows={demand.searchMisses.map((m) => ({ key: m.term, label: m.term, values: [m.searches] }))}
        />
      </FigureCard>
    </div>
  );
}
