import type { Metadata } from 'next';
import { messages } from '@/lib/i18n';
import { CONSENT_VERSION } from '@/lib/intake/consent';

const t = messages.privacy;

export const metadata: Metadata = { title: t.title };

export default function PrivacyPage() {
  return (
    <article className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-brand-800 sm:text-3xl">{t.title}</h1>
      {t.paragraphs.map((paragraph) => (
        <p key={paragraph} className="leading-relaxed text-slate-800">
          {paragraph}
        </p>
      ))}
      <p className="text-sm text-slate-600">{t.version(CONSENT_VERSION)}</p>
    </article>
  );
}
