import type { Metadata } from 'next';
import { messages } from '@/lib/i18n';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.availability;

export const metadata: Metadata = { title: t.linkGoneTitle, robots: { index: false, follow: false } };

/** Forged, expired and revoked links look alike: the page does not say which. */
export default function AvailabilityLinkGone() {
  return (
    <div className="space-y-4">
      <PageTitle>{t.linkGoneTitle}</PageTitle>
      <p className="text-slate-700">{t.linkGoneText}</p>
    </div>
  );
}
