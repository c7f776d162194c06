'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  label: string;
  /** Position in the full list of keys, so a category keeps its colour when others are left out. */
  colorIndex?: number;
}

interface Props {
  /** One object per bar group: the label under `labelKey`, the numbers under each series key. */
  data: Record<string, string | number>[];
  labelKey: string;
  series: ChartSeries[];
  stacked?: boolean;
  /** Bars along the y axis, for long labels (districts, sectors). */
  horizontal?: boolean;
}

// Okabe–Ito: told apart with the common colour vision deficiencies.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];
// Height of one bar in a horizontal chart, and the room each label needs around its bars.
const BAR_HEIGHT = 14;
const ROW_PADDING = 14;
const MAX_TICK_CHARS = 20;

const formatNumber = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('de-DE') : String(value));
const shorten = (value: unknown) => {
  const text = String(value);
  return text.length > MAX_TICK_CHARS ? `${text.slice(0, MAX_TICK_CHARS - 1)}…` : text;
};

// Recharts colours legend text like its bars; yellow text on white is unreadable.
const legendLabel = (value: string) => <span className="text-slate-700">{value}</span>;

/**
 * A bar chart that fills its card. It is hidden from assistive technology: the table beside it
 * holds the same numbers.
 */
export function ReportBarChart({ data, labelKey, series, stacked = false, horizontal = false }: Props) {
  // Empty axes say nothing the table's zeros do not.
  if (!data.some((row) => series.some((s) => Number(row[s.key]) > 0))) return null;
  const barsPerRow = stacked ? 1 : series.length;
  const height = horizontal ? Math.max(140, data.length * (ROW_PADDING + BAR_HEIGHT * barsPerRow) + 70) : 280;
  const legend = series.length > 1;
  // In the order of the table's columns (recharts sorts by label otherwise).
  const seriesOrder = (item: { dataKey?: unknown }) => series.findIndex((s) => s.key === item.dataKey);
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} tickFormatter={formatNumber} />
              <YAxis type="category" dataKey={labelKey} width={160} tickFormatter={shorten} interval={0} tick={{ fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis dataKey={labelKey} tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} width={56} tickFormatter={formatNumber} />
            </>
          )}
          <Tooltip formatter={formatNumber} itemSorter={seriesOrder} />
          {legend && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={seriesOrder} formatter={legendLabel} />}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={PALETTE[(s.colorIndex ?? i) % PALETTE.length]}
              stackId={stacked ? 'all' : undefined}
              isAnimationActive={false}
              maxBarSize={48}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
