import { createHash } from 'node:crypto';
import { messages } from '../i18n';
import { configuredPrivacyPolicy } from '../privacy/legal-text';

export function fingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * What a person agrees to on each public form: its consent box, the notice beside it and the
 * built-in privacy page; and every version issued for it with the SHA-256 of its text, newest
 * last. Changing a text needs a new entry: tests/unit/consent.test.ts fails until the
 * fingerprint matches. The offer's versions carry their own prefix, so a stored version always
 * says which form's wording it was.
 */
export type ConsentForm = 'request' | 'offer';

interface ConsentText {
  text: string;
  versions: readonly { version: string; sha256: string }[];
}

export const CONSENT_FORMS: Readonly<Record<ConsentForm, ConsentText>> = {
  request: {
    text: [messages.request.fields.consent, messages.request.privacyNotice, ...messages.privacy.paragraphs].join('\n'),
    versions: [{ version: '2026-11-24', sha256: '9d8ef6ffeff225c37c9959677bdfc12f2e0694dc3c58e2784780dba85811d49f' }],
  },
  offer: {
    text: [messages.offers.fields.consent, messages.offers.privacyNotice, ...messages.privacy.paragraphs].join('\n'),
    versions: [{ version: 'angebot-2026-12-07', sha256: '02380368b92c75cd52a7f91a7b3d64e2a6f7ded438efa96889127512bb7f5f58' }],
  },
};

export function latestConsentVersion(form: ConsentForm): string {
  const { versions } = CONSENT_FORMS[form];
  return versions[versions.length - 1]!.version;
}

/** The version the help-request form's consents are stored under without an operator's policy. */
export const CONSENT_VERSION = latestConsentVersion('request');

/**
 * The version a new consent on `form` is stored under. An operator's own privacy policy
 * (PRIVACY_POLICY_FILE) is part of what the person agrees to, so its fingerprint is part of
 * the version: editing that file starts a new version by itself.
 */
export function currentConsentVersion(form: ConsentForm, env: NodeJS.ProcessEnv = process.env): string {
  const policy = configuredPrivacyPolicy(env);
  const version = latestConsentVersion(form);
  return policy === undefined ? version : `${version}+${fingerprint(policy).slice(0, 12)}`;
}
