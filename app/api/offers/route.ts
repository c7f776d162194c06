import { publicIntakeHandler } from '@/lib/http/public-intake';
import { submitOffer } from '@/lib/offers/submit';

/** Public JSON entry for offers of capacity, as the form "Angebot melden" takes them. */
export const POST = publicIntakeHandler(submitOffer, (offer) => ({ id: offer.id }), 'api.offers.error');
