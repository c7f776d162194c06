import { config } from '../config';

/**
 * Where a requester's reply finds its case: the access-link token in the Reply-To address as
 * plus-addressing (antwort+<token>@agentur.de) and in the subject tag
 * ([LS-2026-00012#<token>]). The token is signed: a bare reference number proves nothing.
 */
const TOKEN = '(\\d{1,9}\\.[\\w-]{43})';

/** The Reply-To address for mail about a case, or undefined when no inbound mailbox is set. */
export function replyAddress(token: string, inboundAddress = config().INBOUND_ADDRESS): string | undefined {
  if (!inboundAddress) return undefined;
  const at = inboundAddress.lastIndexOf('@');
  return `${inboundAddress.slice(0, at)}+${token}${inboundAddress.slice(at)}`;
}

/** The tag outbound subjects carry, so a reply without the plus address still finds its case. */
export function subjectTag(reference: string, token: string): string {
  return `[${reference}#${token}]`;
}

/** Candidate tokens of a mail, the recipient addresses first (they survive subject edits). */
export function tokensIn(mail: { recipients: string[]; subject: string }, inboundAddress = config().INBOUND_ADDRESS): string[] {
  const found: string[] = [];
  const local = inboundAddress ? inboundAddress.slice(0, inboundAddress.lastIndexOf('@')) : undefined;
  if (local) {
    const plus = new RegExp(`^${escapeRegExp(local)}\\+${TOKEN}@`, 'i');
    for (const address of mail.recipients) {
      const match = plus.exec(address);
      if (match) found.push(match[1]!);
    }
  }
  for (const match of mail.subject.matchAll(new RegExp(`\\[LS-\\d{4}-\\d+#${TOKEN}\\]`, 'g'))) found.push(match[1]!);
  return [...new Set(found)];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
