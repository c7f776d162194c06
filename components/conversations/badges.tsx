import { messages } from '@/lib/i18n';

const t = messages.conversations;

/** The requester answered and the assignee has not opened the case since. */
export function ReplyUnreadBadge() {
  return (
    <span className="inline-block whitespace-nowrap rounded bg-amber-800 px-1.5 py-0.5 text-xs font-semibold text-white">
      {t.replyUnread}
    </span>
  );
}
