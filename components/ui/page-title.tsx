import type { ReactNode } from 'react';

const style = 'text-2xl font-bold tracking-tight text-brand-800 sm:text-3xl';

/** A page's one h1, alike on every page; `mono` for titles that are a case reference. */
export function PageTitle({ children, mono = false }: { children: ReactNode; mono?: boolean }) {
  return <h1 className={mono ? `${style} font-mono` : style}>{children}</h1>;
}
