import { createHash } from 'node:crypto';
import { messages } from '../i18n';
import { configuredPrivacyPolicy } from '../privacy/legal-text';

/** What a requester agrees to: the consent box, the notice beside it and the built-in privacy page. */
export const CONSENT_TEXT = [messages.request.fields.consent, messages.request.privacyNotice, ...messages.privacy.paragraphs].join('\n');

/**
 * Every consent version with the SHA-256 of the text it was issued for, newest last. Changing
 * the text needs a new entry here: tests/unit/consent.test.ts fails until the fingerprint matches.
 */
export const CONSENT_VERSIONS = [
  { version: '2026-11-24', sha256: '9d8ef6ffeff225c37c9959677bdfc12f2e0694dc3c58e2784780dba85811d49f' },
] as const satisfies readonly { version: string; sha256: string }[];

export const CONSENT_VERSION: string = CONSENT_VERSIONS[CONSENT_VERSIONS.length - 1]!.version;

export function fingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The version a new request is stored under. An operator's own privacy policy
 * (PRIVACY_POLICY_FILE) is part of what the requester agrees to, so its fingerprint is part
 * of the version: editing that file starts a new version by itself.
 */
export function currentConsentVersion(env: NodeJS.ProcessEnv = process.env): string {
  const policy = configuredPrivacyPolicy(env);
  return policy === undefined ? CONSENT_VERSION : `${CONSENT_VERSION}+${fingerprint(policy).slice(0, 12)}`;
}
