import { config } from '../config';
import { consume, type LimitResult } from '../rate-limit';

/**
 * Anonymous supplier searches per client address and minute, one counter for the JSON API and
 * the /directory page: a scraper must not slow the desk down by switching between the two.
 */
export function consumePublicSearch(ip: string): Promise<LimitResult> {
  return consume({ name: 'supplier-search', points: config().SEARCH_RATE_LIMIT, windowSeconds: 60 }, ip);
}
