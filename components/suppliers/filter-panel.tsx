'use client';

import { type ReactNode, useId, useState } from 'react';

/** The filter sidebar: always shown beside the results on wide screens, behind a button on phones. */
export function FilterPanel({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between rounded-lg border border-slate-200 bg-white px-4 py-3 text-left font-semibold text-brand-800 lg:hidden"
      >
        {label}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={id} className={`${open ? 'mt-3 block' : 'hidden'} space-y-4 lg:mt-0 lg:block`}>
        {children}
      </div>
    </div>
  );
}
