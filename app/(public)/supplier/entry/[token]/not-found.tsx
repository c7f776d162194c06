import type { Metadata } from 'next';
import { LinkGone } from '@/components/link-gone';
import { messages } from '@/lib/i18n';

const t = messages.entries;

export const metadata: Metadata = { title: t.linkGoneTitle, robots: { index: false, follow: false } };

/** Forged, expired, used and revoked links look alike: the page does not say which. */
export default function EntryLinkGone() {
  return <LinkGone title={t.linkGoneTitle} text={t.linkGoneText} href="/" linkText={t.toHome} />;
}
