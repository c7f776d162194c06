import { de } from './de';

/** The active message catalog. German is the only language so far. */
export const messages = de;
export type { Messages } from './de';
