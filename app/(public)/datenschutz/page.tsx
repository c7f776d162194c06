import type { Metadata } from 'next';
import { LegalDocument } from '@/components/legal-document';
import { messages } from '@/lib/i18n';
import { currentConsentVersion } from '@/lib/intake/consent';
import { parseLegalText, privacyPolicyText } from '@/lib/privacy/legal-text';

const t = messages.privacy;

export const metadata: Metadata = { title: t.title };
// The text may come from PRIVACY_POLICY_FILE, read when the page is requested.
export const dynamic = 'force-dynamic';

export default function PrivacyPage() {
  return (
    <LegalDocument title={t.title} blocks={parseLegalText(privacyPolicyText())} footnote={t.version(currentConsentVersion('request'))} />
  );
}
