import { messages } from '../i18n';

/**
 * Bump the version whenever the consent or privacy text changes: each case stores the
 * version its requester agreed to.
 */
export const CONSENT_VERSION = '2026-11-24';
export const CONSENT_TEXT = `${messages.request.fields.consent} ${messages.request.privacyNotice}`;
