import { z } from 'zod';
import { id } from '../validation';

/** The "retry now" button's input: which outbox mail. */
export const retryMailSchema = z.object({ id });
export type RetryMailInput = z.infer<typeof retryMailSchema>;
