import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  description?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

/** One figure of the reports page: heading, what it counts, chart and table. */
export function FigureCard({ id, title, description, wide, children }: Props) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={`min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4 ${wide ? 'lg:col-span-2' : ''}`}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold text-brand-800">
        {title}
      </h2>
      {description && <p className="text-sm text-slate-600">{description}</p>}
      {children}
    </section>
  );
}
