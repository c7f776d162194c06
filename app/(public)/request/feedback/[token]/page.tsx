import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FeedbackForm } from '@/components/introductions/feedback-form';
import { verifyAccessLink } from '@/lib/conversations/access-links';
import { messages } from '@/lib/i18n';
import { loadFeedbackRequest } from '@/lib/introductions/feedback-answer';
import { sendFeedback } from '../actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.feedback;

// The link is personal: no search engine, no title naming the case.
export const metadata: Metadata = { title: t.title, robots: { index: false, follow: false } };

/**
 * The requester's answer to "how did it go?" for one introduced supplier, opened from the link in
 * our mail. Least data: the reference and the supplier's name. A forged, expired or used link
 * is the same "link gone" page.
 */
export default async function FeedbackPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await verifyAccessLink(token, 'introduction_feedback');
  if (!link.ok) notFound();
  const request = await loadFeedbackRequest(link.link.id);
  if (!request) notFound();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header className="space-y-2">
        <PageTitle>{t.title}</PageTitle>
        <p className="font-mono text-slate-700">{t.intro(request.reference)}</p>
      </header>
      <dl className="rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-sm text-slate-600">{t.company}</dt>
        <dd className="text-lg font-semibold text-slate-900">{request.company}</dd>
      </dl>
      <FeedbackForm token={token} sendFeedback={sendFeedback} />
    </div>
  );
}
