import { z } from 'zod';
import { NEW_CASE_NOTIFICATIONS } from './vocabulary';
import { messages } from '../i18n';

// A checkbox arrives as true/false from the form, as 'on' or missing from a plain post.
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** The notification settings form at /account. */
export const notificationSettingsSchema = z.object({
  newCases: z.enum(NEW_CASE_NOTIFICATIONS, { error: messages.errors.chooseOne }),
  assignedToMe: checkbox,
  repliesOnMyCases: checkbox,
  dailyDigest: checkbox,
});
export type NotificationSettingsInput = z.input<typeof notificationSettingsSchema>;
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;
