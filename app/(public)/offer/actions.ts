'use server';

import { requesterIp } from '@/app/requester-ip';
import type { OfferFormResult } from '@/components/offers/offer-form';
import { messages } from '@/lib/i18n';
import { issueFormToken } from '@/lib/intake/form-token';
import { logError } from '@/lib/log';
import { submitOffer } from '@/lib/offers/submit';

/** Public, so no session check: the offer gate (validation, spam traps, rate limit) is the guard. */
export async function submitOfferForm(offer: unknown, envelope: unknown): Promise<OfferFormResult> {
  try {
    const result = await submitOffer(offer, { ip: await requesterIp(), envelope: envelope ?? {} });
    if (result.ok) return { ok: true, data: { id: result.id } };
    if (result.reason === 'invalid') return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
    // A refused form gets a new token, so the person can send the same input again.
    return { ok: false, error: result.error, formToken: issueFormToken() };
  } catch (error) {
    logError('offers.error', error);
    return { ok: false, error: messages.errors.unexpected };
  }
}
