import type { ReactNode } from 'react';
import { messages } from '@/lib/i18n';

const t = messages.suppliers;

export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 className="text-lg font-semibold text-brand-800">{title}</h2>
      {children}
    </section>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[11rem_minmax(0,1fr)]">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}

export function Tags({ items }: { items: string[] }) {
  if (items.length === 0) return <>{t.none}</>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((item) => (
        <li key={item} className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 text-sm">
          {item}
        </li>
      ))}
    </ul>
  );
}

export function SectorList({ codes, titles }: { codes: string[]; titles: Record<string, string> }) {
  if (codes.length === 0) return <>{t.none}</>;
  return (
    <ul className="space-y-0.5">
      {codes.map((code) => (
        <li key={code}>
          <span className="font-mono text-sm">{code}</span> {titles[code] ?? ''}
        </li>
      ))}
    </ul>
  );
}

/** A website as a link; bare domains get https:// so the link works. */
export function WebsiteLink({ url }: { url: string }) {
  const href = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  return (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
      {url}
    </a>
  );
}
