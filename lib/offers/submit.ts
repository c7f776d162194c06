import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { capacityOffers } from '../../db/schema';
import { messages } from '../i18n';
import { currentConsentVersion } from '../intake/consent';
import { checkFormEnvelope, consumeSubmission, type GuardRefusal } from '../intake/form-guard';
import { log } from '../log';
import { sectorIndex } from '../suppliers/sector-index';
import { fieldErrorsOf } from '../validation';
import { type Offer, offerSchema } from './schema';

export type OfferSubmitResult =
  | { ok: true; id: number; created: boolean }
  | { ok: false; reason: 'invalid'; error: string; fieldErrors: Record<string, string> }
  | { ok: false; reason: 'conflict'; error: string }
  | GuardRefusal;

export interface OfferContext {
  ip: string;
  /** `Idempotency-Key` of an API call. */
  idempotencyKey?: string;
  /** Present for the web form: its honeypot and fill-time token are checked, the token is the key. */
  envelope?: unknown;
}

/**
 * The one way an offer gets in, for the web form (and an API): validate, keep bots and floods
 * out, then store. Whatever is refused stores nothing.
 */
export async function submitOffer(input: unknown, context: OfferContext): Promise<OfferSubmitResult> {
  const parsed = offerSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  // An API key is scoped to the sender's address: another client reusing it gets its own offer.
  let key = context.idempotencyKey && hash(`${parsed.data.email.toLowerCase()}\n${context.idempotencyKey}`);
  if (context.envelope !== undefined) {
    const envelope = checkFormEnvelope('offers', context.envelope);
    if (!envelope.ok) return envelope;
    key = envelope.idempotencyKey;
  }
  const limit = await consumeSubmission('offers', context.ip);
  if (!limit.ok) return limit;

  const index = await sectorIndex();
  const unknown = parsed.data.sectors.find((code) => !index.has(code));
  if (unknown) return { ok: false, reason: 'invalid', error: messages.request.fixErrors, fieldErrors: { sectors: messages.errors.sector } };

  const stored = await storeOffer(parsed.data, key ? { key, bodyHash: hash(JSON.stringify(parsed.data)) } : undefined);
  if (stored === 'conflict') {
    log.info({ event: 'offers.idempotency_conflict' });
    return {
      ok: false,
      reason: 'conflict',
      error: context.envelope === undefined ? messages.errors.idempotencyConflict : messages.offers.alreadySent,
    };
  }
  log.info({ event: stored.created ? 'offers.created' : 'offers.replayed', offerId: stored.id });
  return { ok: true, ...stored };
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Stores a validated offer; with a key, the same offer again answers the first one, another one is a conflict. */
async function storeOffer(offer: Offer, idempotency?: { key: string; bodyHash: string }) {
  return db.transaction(async (tx) => {
    if (idempotency) {
      // Serialises submissions sharing a key; the second then finds the first's row.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`offer:${idempotency.key}`}, 0))`);
      const [existing] = await tx
        .select({ id: capacityOffers.id, bodyHash: capacityOffers.idempotencyBodyHash })
        .from(capacityOffers)
        .where(eq(capacityOffers.idempotencyKey, idempotency.key));
      if (existing) return existing.bodyHash === idempotency.bodyHash ? { id: existing.id, created: false } : ('conflict' as const);
    }
    const now = new Date();
    const [created] = await tx
      .insert(capacityOffers)
      .values({
        organisation: offer.organisation,
        kind: offer.kind,
        street: offer.street ?? null,
        postalCode: offer.postal_code,
        city: offer.city,
        website: offer.website ?? null,
        email: offer.email,
        phone: offer.phone ?? null,
        contactName: offer.contact_name,
        sectors: offer.sectors,
        certifications: offer.certifications,
        offer: offer.offer,
        quantity: offer.quantity ?? null,
        availableUntil: offer.available_until ?? null,
        consentVersion: currentConsentVersion('offer'),
        consentedAt: now,
        idempotencyKey: idempotency?.key ?? null,
        idempotencyBodyHash: idempotency?.bodyHash ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: capacityOffers.id });
    return { id: created!.id, created: true };
  });
}
