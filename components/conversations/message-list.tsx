import type { ReactNode } from 'react';
import type { ThreadMessage } from '@/lib/conversations/thread';
import { formatDateTime } from '@/lib/format';

/**
 * The conversation, oldest first. `label` names each side for its reader: staff see who wrote,
 * the requester sees the agency and themselves. `footer` adds what only some readers see (staff: the files).
 */
export function MessageList({
  items,
  label,
  empty,
  footer,
}: {
  items: ThreadMessage[];
  label: (m: ThreadMessage) => string;
  empty: string;
  footer?: (m: ThreadMessage) => ReactNode;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-3">
      {items.map((m) => (
        <li key={m.id}>
          <article
            aria-label={label(m)}
            className={`rounded-lg border p-3 sm:p-4 ${m.direction === 'inbound' ? 'border-amber-600 bg-amber-50' : 'border-brand-600 bg-brand-50'}`}
          >
            <header className="mb-2 space-y-0.5">
              <p className="text-sm font-semibold text-slate-900">{label(m)}</p>
              <p className="text-sm text-slate-700">
                <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
              </p>
              <h3 className="break-words font-semibold text-slate-900">{m.subject}</h3>
            </header>
            <p className="whitespace-pre-wrap break-words text-slate-900">{m.body}</p>
            {footer?.(m)}
          </article>
        </li>
      ))}
    </ol>
  );
}
