import { z } from 'zod';
import { messages } from '../i18n';
import { email } from '../validation';

/** A requester is identified by the email address they gave. */
export const requesterEmailSchema = z.object({ email });

export const eraseRequesterSchema = requesterEmailSchema.extend({
  confirm: z.literal(true, { error: messages.dataProtection.confirmRequired }),
});
