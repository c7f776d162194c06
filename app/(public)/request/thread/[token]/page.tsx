import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MessageList } from '@/components/conversations/message-list';
import { ReplyForm } from '@/components/conversations/reply-form';
import { attachmentLimits } from '@/lib/attachments/store';
import { verifyAccessLink } from '@/lib/conversations/access-links';
import { loadPublicThread } from '@/lib/conversations/thread';
import { messages } from '@/lib/i18n';
import { sendThreadReply } from '../actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.conversations;

// The link is personal: no search engine, no title naming the case.
export const metadata: Metadata = { title: messages.status.title, robots: { index: false, follow: false } };

/**
 * The requester's thread, opened from the personal link in our mail: reference, status and the
 * messages, and a reply box. A forged, expired or revoked link is the same 404 page.
 */
export default async function ThreadPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await verifyAccessLink(token, 'requester_thread');
  if (!link.ok) notFound();
  const thread = await loadPublicThread(link.link.caseId!);
  if (!thread) notFound();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <PageTitle mono>{t.threadTitle(thread.reference)}</PageTitle>
        <p className="text-slate-700">{t.threadIntro}</p>
        <p className="text-slate-900">
          <span className="font-semibold">{t.threadStatus}: </span>
          {messages.publicStatus[thread.status]}
        </p>
      </header>
      <section aria-labelledby="messages-title" className="space-y-3">
        <h2 id="messages-title" className="text-lg font-semibold text-brand-800">
          {t.threadMessages}
        </h2>
        <MessageList items={thread.messages} label={(m) => (m.direction === 'outbound' ? t.fromAgency : t.fromYou)} empty={t.noMessages} />
      </section>
      <section aria-labelledby="reply-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="reply-title" className="text-lg font-semibold text-brand-800">
          {t.replyLabel}
        </h2>
        <ReplyForm token={token} sendReply={sendThreadReply} attachmentLimits={attachmentLimits()} />
      </section>
    </div>
  );
}
