import type { Metadata } from 'next';
import { messages } from '@/lib/i18n';

const t = messages.availability;

export const metadata: Metadata = { title: t.linkGoneTitle, robots: { index: false, follow: false } };

/** Forged, expired and revoked links look alike: the page does not say which. */
export default function AvailabilityLinkGone() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-brand-800 sm:text-3xl">{t.linkGoneTitle}</h1>
      <p className="text-slate-700">{t.linkGoneText}</p>
    </div>
  );
}
