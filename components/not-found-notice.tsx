import Link from 'next/link';
import { messages } from '@/lib/i18n';
import { PageNotice } from './page-notice';

const t = messages.notFound;

/** A German 404 that leads back: to the start page for the public, to the queue for staff. */
export function NotFoundNotice({ staff = false }: { staff?: boolean }) {
  return (
    <PageNotice title={t.title}>
      <p className="text-slate-700">{t.explanation}</p>
      <p>
        <Link href={staff ? '/cases' : '/'} className="font-medium text-brand-700 underline underline-offset-4">
          ← {staff ? t.cases : t.home}
        </Link>
      </p>
    </PageNotice>
  );
}
