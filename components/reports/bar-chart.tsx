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
const ROW_PADDING = 30;
// Long labels (WZ sectors all begin "Herstellung von …") wrap onto up to three lines.
const TICK_LINE_CHARS = 24;
const TICK_LINES = 3;

const formatNumber = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('de-DE') : String(value));
function wrapLabel(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > TICK_LINE_CHARS) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  if (lines.length <= TICK_LINES) return lines;
  const last = lines[TICK_LINES - 1]!;
  return [...lines.slice(0, TICK_LINES - 1), `${last.slice(0, TICK_LINE_CHARS - 1)}…`];
}

/** A category label on the y axis, wrapped and centred on its bars. */
function WrappedTick({ x = 0, y = 0, payload }: { x?: number; y?: number; payload?: { value: unknown } }) {
  const lines = wrapLabel(String(payload?.value ?? ''));
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="#334155">
      {lines.map((line, i) => (
        <tspan key={i} x={x - 4} dy={i === 0 ? `${0.35 - (lines.length - 1) * 0.6}em` : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

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
              <YAxis type="category" dataKey={labelKey} width={170} interval={0} tick={<WrappedTick />} />
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
