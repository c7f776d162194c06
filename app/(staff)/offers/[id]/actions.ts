'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import { createCompanyFromOffer, mergeOffer, type ReviewResult, rejectOffer } from '@/lib/offers/review';
import { createFromOfferSchema, mergeOfferSchema, rejectOfferSchema } from '@/lib/offers/schema';

function revalidated(offerId: number, result: ReviewResult): ReviewResult {
  if (result.ok) {
    revalidatePath('/offers');
    revalidatePath(`/offers/${offerId}`);
    if (result.data.companyId) revalidatePath(`/suppliers/${result.data.companyId}`);
  }
  return result;
}

export const mergeOfferIntoCompany = staffAction('expert', mergeOfferSchema, async (user, input) =>
  revalidated(input.offerId, await mergeOffer(user, input)),
);

export const createCompanyForOffer = staffAction('expert', createFromOfferSchema, async (user, input) =>
  revalidated(input.offerId, await createCompanyFromOffer(user, input)),
);

export const rejectCapacityOffer = staffAction('expert', rejectOfferSchema, async (user, input) =>
  revalidated(input.offerId, await rejectOffer(user, input)),
);
