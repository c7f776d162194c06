import { z } from 'zod';
import { messages } from '../i18n';

/** The "retry now" button's input: which outbox mail. */
export const retryMailSchema = z.object({
  id: z.coerce.number({ error: messages.errors.invalidInput }).int().positive({ error: messages.errors.invalidInput }),
});
export type RetryMailInput = z.infer<typeof retryMailSchema>;
