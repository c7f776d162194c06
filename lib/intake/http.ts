import { publicIntakeHandler } from '../http/public-intake';
import { acceptHelpRequest } from './accept';

/**
 * `POST /api/requests`, the public JSON intake for the agency's website and partner systems.
 * Served by the app server before Next.js (scripts/server.ts, lib/http/node-routes.ts): the
 * busiest public write skips Next.js's per-request work, about half of its CPU
 * (docs/benchmarks.md). Security headers and the cross-site refusal come from the same
 * `protectRequest` as every other request's.
 */
export const postHelpRequest = publicIntakeHandler(acceptHelpRequest, (stored) => ({ reference: stored.reference }), 'api.requests.error');
