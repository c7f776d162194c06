'use server';

import { z } from 'zod';
import { staffAction } from '@/app/guards';
import { requesterIp } from '@/app/requester-ip';
import { changeOwnPasswordSchema } from '@/lib/auth/schema';
import { currentSession } from '@/lib/auth/session';
import { revokeUserSessions } from '@/lib/auth/session-store';
import { changeOwnPassword } from '@/lib/auth/users';
import { messages } from '@/lib/i18n';
import { notificationSettingsSchema } from '@/lib/notifications/schema';
import { saveNotificationSettings } from '@/lib/notifications/settings';

export const changeMyPassword = staffAction('expert', changeOwnPasswordSchema, async (user, input) => {
  // The session the change is made in stays; every other one ends (lib/auth/users.ts).
  const session = await currentSession();
  if (!session) return { ok: false, error: messages.auth.notSignedIn };
  return changeOwnPassword(user, { id: session.sessionId, ip: await requesterIp() }, input.currentPassword, input.newPassword);
});

/** "Überall abmelden": ends every session of the caller, this one included. */
export const signOutEverywhere = staffAction('expert', z.object({}), async (user) => {
  await revokeUserSessions(user.id);
  return { ok: true, data: null };
});

/** The caller's own notification choices; nobody sets them for someone else. */
export const saveMyNotificationSettings = staffAction('expert', notificationSettingsSchema, async (user, input) =>
  saveNotificationSettings(user, input),
);
