import Link from 'next/link';
import { PageNotice } from '@/components/page-notice';
import { messages } from '@/lib/i18n';

const t = messages.forbidden;

/**
 * Rendered with status 403 when a signed-in staff member lacks the role for a page
 * (forbidden() in app/guards.ts). It appears inside the staff layout, which has the <main>.
 */
export default function Forbidden() {
  return (
    <PageNotice title={t.title}>
      <p className="text-slate-700">{t.explanation}</p>
      <p>
        <Link href="/cases" className="font-medium text-brand-700 underline underline-offset-4">
          ← {t.backToCases}
        </Link>
      </p>
    </PageNotice>
  );
}
