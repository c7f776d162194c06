import type { Metadata } from 'next';
import { LegalDocument } from '@/components/legal-document';
import { messages } from '@/lib/i18n';
import { imprintText, parseLegalText } from '@/lib/privacy/legal-text';

const t = messages.imprint;

export const metadata: Metadata = { title: t.title };
// The text may come from IMPRINT_FILE, read when the page is requested.
export const dynamic = 'force-dynamic';

export default function ImprintPage() {
  return <LegalDocument title={t.title} blocks={parseLegalText(imprintText())} />;
}
