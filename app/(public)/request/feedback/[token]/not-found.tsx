import type { Metadata } from 'next';
import Link from 'next/link';
import { messages } from '@/lib/i18n';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.conversations;

export const metadata: Metadata = { title: t.linkGoneTitle, robots: { index: false, follow: false } };

/** Forged, expired and used links look alike: the page does not say which. */
export default function FeedbackLinkGone() {
  return (
    <div className="space-y-4">
      <PageTitle>{t.linkGoneTitle}</PageTitle>
      <p className="text-slate-700">{messages.feedback.linkGoneText}</p>
      <Link href="/request/status" className="font-semibold text-brand-700 underline underline-offset-4">
        {t.toStatusLookup}
      </Link>
    </div>
  );
}
