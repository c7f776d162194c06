import { eq, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { notificationSettings } from '../../db/schema';
import type { ActionResult } from '../action-result';
import type { StaffUser } from '../auth/staff';
import { notificationSettingsSchema, type NotificationSettings } from './schema';

/** What a staff member who never saved the form gets: the column defaults of the schema. */
export const DEFAULT_SETTINGS: NotificationSettings = notificationSettingsSchema.parse({
  newCases: notificationSettings.newCases.default,
  assignedToMe: notificationSettings.assignedToMe.default,
  repliesOnMyCases: notificationSettings.repliesOnMyCases.default,
  dailyDigest: notificationSettings.dailyDigest.default,
});

/**
 * A user's setting as SQL, the default when they have no row; for queries that left-join
 * notification_settings to pick recipients.
 */
export function settingOf<K extends keyof NotificationSettings>(key: K) {
  return sql<NotificationSettings[K]>`coalesce(${notificationSettings[key]}, ${DEFAULT_SETTINGS[key]})`;
}

export async function loadNotificationSettings(userId: number): Promise<NotificationSettings> {
  const [row] = await db
    .select({
      newCases: notificationSettings.newCases,
      assignedToMe: notificationSettings.assignedToMe,
      repliesOnMyCases: notificationSettings.repliesOnMyCases,
      dailyDigest: notificationSettings.dailyDigest,
    })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return row ?? DEFAULT_SETTINGS;
}

/** Saves the caller's own settings (one row per user, created on first save). */
export async function saveNotificationSettings(user: StaffUser, settings: NotificationSettings): Promise<ActionResult<null>> {
  const values = { ...settings, updatedAt: new Date() };
  await db
    .insert(notificationSettings)
    .values({ userId: user.id, ...values })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: values });
  return { ok: true, data: null };
}
