import type { ReactNode } from 'react';

/** The frame of the short pages that say why there is nothing to show (404, error, 403). */
export function PageNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby="notice-title"
      className="mx-auto max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h1 id="notice-title" className="text-2xl font-bold tracking-tight text-brand-800">
        {title}
      </h1>
      {children}
    </section>
  );
}
