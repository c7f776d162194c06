import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { capacityOffers } from '../../db/schema';

const fromAddress = (email: string) => eq(sql`lower(${capacityOffers.email})`, email.trim().toLowerCase());

/** The offers someone sent from this address, for the export (Art. 15 DSGVO). */
export function exportOffers(email: string) {
  return db
    .select({
      organisation: capacityOffers.organisation,
      contactName: capacityOffers.contactName,
      email: capacityOffers.email,
      phone: capacityOffers.phone,
      offer: capacityOffers.offer,
      quantity: capacityOffers.quantity,
      availableUntil: capacityOffers.availableUntil,
      status: capacityOffers.status,
      createdAt: capacityOffers.createdAt,
    })
    .from(capacityOffers)
    .where(fromAddress(email))
    .orderBy(asc(capacityOffers.createdAt));
}

/**
 * Erases the offers sent from this address: offers not taken into the company database are
 * deleted; accepted ones stay linked to their company (the offer text is the company's), without
 * the person's name, address and phone. Returns how many offers were touched.
 */
export async function eraseOffers(tx: Executor, email: string): Promise<number> {
  const deleted = await tx
    .delete(capacityOffers)
    .where(and(fromAddress(email), inArray(capacityOffers.status, ['new', 'rejected'])))
    .returning({ id: capacityOffers.id });
  const blanked = await tx
    .update(capacityOffers)
    .set({ contactName: '', email: '', phone: null, idempotencyKey: null, idempotencyBodyHash: null, updatedAt: new Date() })
    .where(and(fromAddress(email), eq(capacityOffers.status, 'accepted')))
    .returning({ id: capacityOffers.id });
  return deleted.length + blanked.length;
}

/** Rejected offers are kept for the retention period after their review, then deleted. */
export async function deleteRejectedOffers(cutoff: ReturnType<typeof sql>): Promise<number> {
  const deleted = await db
    .delete(capacityOffers)
    .where(and(eq(capacityOffers.status, 'rejected'), lt(capacityOffers.reviewedAt, cutoff)))
    .returning({ id: capacityOffers.id });
  return deleted.length;
}
