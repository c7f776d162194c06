import { messages } from '@/lib/i18n';

type Cell = string | number;

interface Props {
  caption: string;
  head: string[];
  rows: { key: string; cells: Cell[] }[];
  /** A totals row, set apart from the data. */
  foot?: Cell[];
}

const show = (cell: Cell) => (typeof cell === 'number' ? cell.toLocaleString('de-DE') : cell);

/** The first cell labels the row; numbers are right-aligned. */
function Row({ cells, className }: { cells: Cell[]; className: string }) {
  return (
    <tr className={className}>
      {cells.map((cell, i) =>
        i === 0 ? (
          <th key={i} scope="row" className="px-2 py-1 text-left [font-weight:inherit]">
            {show(cell)}
          </th>
        ) : (
          <td key={i} className="px-2 py-1 text-right tabular-nums">
            {show(cell)}
          </td>
        ),
      )}
    </tr>
  );
}

/** The numbers of a figure, as an accessible table. */
export function ReportTable({ caption, head, rows, foot }: Props) {
  return (
    // Focusable so a keyboard can scroll a table wider than a phone.
    <div
      tabIndex={0}
      role="region"
      aria-label={messages.reports.tableRegion(caption)}
      className="overflow-x-auto focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            {head.map((label, i) => (
              <th key={label} scope="col" className={`px-2 py-1.5 font-semibold ${i > 0 ? 'text-right' : ''}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.key} cells={row.cells} className="border-b border-slate-100" />
          ))}
        </tbody>
        {foot && (
          <tfoot>
            <Row cells={foot} className="border-t border-slate-300 font-semibold" />
          </tfoot>
        )}
      </table>
    </div>
  );
}
