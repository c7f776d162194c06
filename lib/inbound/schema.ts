import { z } from 'zod';
import { id, reference } from '../validation';

/** "Einem Fall zuordnen": the unassigned mail and the reference staff typed. */
export const attachMailSchema = z.object({ mailId: id, reference });
export type AttachMailInput = z.infer<typeof attachMailSchema>;

/** "Neuen Fall anlegen" from an unassigned mail. */
export const newCaseFromMailSchema = z.object({ mailId: id });
export type NewCaseFromMailInput = z.infer<typeof newCaseFromMailSchema>;
