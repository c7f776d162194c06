import Link from 'next/link';
import { messages } from '@/lib/i18n';

const t = messages.forbidden;

/**
 * Rendered with status 403 when a signed-in staff member lacks the role for a page
 * (forbidden() in app/guards.ts). It appears inside the staff layout, which has the <main>.
 */
export default function Forbidden() {
  return (
    <section
      aria-labelledby="forbidden-title"
      className="mx-auto max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h1 id="forbidden-title" className="text-2xl font-bold tracking-tight text-brand-800">
        {t.title}
      </h1>
      <p className="text-slate-700">{t.explanation}</p>
      <p>
        <Link href="/cases" className="font-medium text-brand-700 underline underline-offset-4">
          ← {t.backToCases}
        </Link>
      </p>
    </section>
  );
}
