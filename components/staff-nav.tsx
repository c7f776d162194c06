'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
  /** A number shown beside the label, with its spoken form (e.g. cases that need me). */
  count?: { value: number; label: string };
}

/** Staff navigation; the current area is marked for screen readers and sighted users. */
export function StaffNav({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1">
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              current ? 'bg-white text-brand-800' : 'text-white hover:bg-brand-700'
            }`}
          >
            {item.label}
            {item.count && (
              <>
                {' '}
                <span
                  aria-hidden="true"
                  className="ml-1 rounded-full bg-amber-300 px-2 py-0.5 text-xs font-bold text-slate-900 tabular-nums"
                >
                  {item.count.value}
                </span>
                <span className="sr-only">{` (${item.count.label})`}</span>
              </>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
