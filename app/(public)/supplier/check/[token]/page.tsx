import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AnswerForm } from '@/components/availability/answer-form';
import { NeedView } from '@/components/availability/need-view';
import { loadCheckPage } from '@/lib/availability/answer';
import { verifyAccessLink } from '@/lib/conversations/access-links';
import { messages } from '@/lib/i18n';
import { answerAvailabilityCheck } from '../actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.availability;

// The link is personal: no search engine, no title naming the case.
export const metadata: Metadata = { title: t.pageTitle, robots: { index: false, follow: false } };

/**
 * A shortlisted supplier's answer page, opened from the link in our mail: the need without the
 * requester, and the answer form. A used link says so; forged, expired and revoked ones are
 * the same 404 page.
 */
export default async function AvailabilityCheckPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await verifyAccessLink(token, 'availability_check');
  if (!link.ok && link.reason === 'used') {
    return (
      <div className="space-y-4">
        <PageTitle>{t.usedTitle}</PageTitle>
        <p className="text-slate-700">{t.usedText}</p>
      </div>
    );
  }
  if (!link.ok) notFound();
  const check = await loadCheckPage(link.link.id);
  if (!check) notFound();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <PageTitle>{t.pageTitle}</PageTitle>
        <p className="text-slate-700">{t.pageIntro(check.company)}</p>
      </header>
      <section aria-labelledby="need-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="need-title" className="text-lg font-semibold text-brand-800">
          {t.need}
        </h2>
        <NeedView need={check.need} />
      </section>
      <section aria-labelledby="answer-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="answer-title" className="text-lg font-semibold text-brand-800">
          {t.answerTitle}
        </h2>
        <AnswerForm token={token} answer={answerAvailabilityCheck} />
      </section>
    </div>
  );
}
