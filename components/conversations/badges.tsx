import { formatDateTime } from '@/lib/format';
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

/** The case waits for the requester; the first-response clock stands still meanwhile. */
export function WaitingBadge({ since }: { since: Date }) {
  return (
    <span
      title={t.waitingHint(formatDateTime(since))}
      className="inline-block whitespace-nowrap rounded bg-slate-700 px-1.5 py-0.5 text-xs font-semibold text-white"
    >
      {t.waiting}
    </span>
  );
}
