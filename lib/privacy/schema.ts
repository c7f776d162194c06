import { z } from 'zod';
import { messages } from '../i18n';
import { statusLookupSchema } from '../intake/schema';

/** A requester is identified by the email address they gave (validated as in the status lookup). */
export const requesterEmailSchema = z.object({ email: statusLookupSchema.shape.email });

export const eraseRequesterSchema = requesterEmailSchema.extend({
  confirm: z.literal(true, { error: messages.dataProtection.confirmRequired }),
});
