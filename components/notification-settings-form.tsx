'use client';

import type { ActionResult } from '@/lib/action-result';
import { NEW_CASE_NOTIFICATIONS } from '@/lib/notifications/vocabulary';
import { notificationSettingsSchema, type NotificationSettings } from '@/lib/notifications/schema';
import { messages } from '@/lib/i18n';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { Field, inputClass } from './ui/field';
import { useActionForm } from './use-action-form';

const t = messages.notifications;

export type SaveNotificationSettings = (input: NotificationSettings) => Promise<ActionResult<null>>;

const SWITCHES = ['assignedToMe', 'repliesOnMyCases', 'dailyDigest'] as const;

export function NotificationSettingsForm({ settings, action }: { settings: NotificationSettings; action: SaveNotificationSettings }) {
  const { form, result, onSubmit, field, checkbox } = useActionForm({
    schema: notificationSettingsSchema,
    defaultValues: settings,
    action,
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {result?.ok && <Alert tone="success">{t.saved}</Alert>}
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <Field label={t.newCases} {...field('newCases', { id: 'notify-new-cases' })}>
        {(input) => (
          <select {...input} className={inputClass}>
            {NEW_CASE_NOTIFICATIONS.map((choice) => (
              <option key={choice} value={choice}>
                {t.newCaseChoices[choice]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {SWITCHES.map((name) => (
        <label key={name} className="flex items-start gap-2 text-slate-900">
          <input type="checkbox" {...checkbox(name)} className="mt-1 size-4 shrink-0" />
          <span>{t[name]}</span>
        </label>
      ))}
      <Button type="submit" disabled={form.formState.isSubmitting} className="w-full sm:w-auto">
        {t.save}
      </Button>
    </form>
  );
}
