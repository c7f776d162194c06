'use client';

import { useState, useTransition } from 'react';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { changeRoleSchema, PASSWORD_MIN, resetPasswordSchema, type setActiveSchema } from '@/lib/auth/schema';
import { messages } from '@/lib/i18n';
import { callAction } from '../call-action';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';
import { RoleOptions } from './create-user-form';
import type { UserListItem } from './user-list';

const t = messages.users;

type Action<S extends z.ZodType> = (input: z.output<S>) => Promise<ActionResult<null>>;
export interface UserActions {
  changeRole: Action<typeof changeRoleSchema>;
  setActive: Action<typeof setActiveSchema>;
  resetPassword: Action<typeof resetPasswordSchema>;
}

type Report = (result: ActionResult<null>, success: string) => void;

const outlineButton =
  'inline-flex items-center justify-center rounded-md border px-5 py-2.5 text-base font-semibold shadow-sm ' +
  'disabled:cursor-wait disabled:opacity-70';

/** Role, activation and password of one account; the outcome of the last change is shown on top. */
export function UserEditor({ user, actions }: { user: UserListItem; actions: UserActions }) {
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const report: Report = (result, success) =>
    setNotice(result.ok ? { tone: 'success', text: success } : { tone: 'error', text: result.error });

  return (
    <div role="group" aria-label={user.name} className="space-y-4">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="grid gap-6 md:grid-cols-3">
        <RoleForm user={user} action={actions.changeRole} report={report} />
        <ActiveToggle user={user} action={actions.setActive} report={report} />
        <ResetPasswordForm user={user} action={actions.resetPassword} report={report} />
      </div>
    </div>
  );
}

interface PartProps<S extends z.ZodType> {
  user: UserListItem;
  action: Action<S>;
  report: Report;
}

function RoleForm({ user, action, report }: PartProps<typeof changeRoleSchema>) {
  const { form, onSubmit, field } = useActionForm({
    schema: changeRoleSchema,
    defaultValues: { userId: user.id, role: user.role },
    action,
    onSuccess: (data) => report({ ok: true, data }, t.saved),
    onFailure: (failure) => report(failure, t.saved),
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3">
      <Field label={t.role} {...field('role', { id: `user-${user.id}-role` })}>
        {(input) => (
          <select {...input} className={inputClass}>
            <RoleOptions />
          </select>
        )}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t.changeRole}
      </Button>
    </form>
  );
}

function ActiveToggle({ user, action, report }: PartProps<typeof setActiveSchema>) {
  const [pending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const result = await callAction(action, { userId: user.id, active: !user.active });
      report(result, user.active ? t.deactivated : t.activated);
    });
  const tone = user.active
    ? 'border-red-700 bg-white text-red-800 hover:bg-red-50'
    : 'border-brand-700 bg-white text-brand-800 hover:bg-brand-50';
  return (
    <div className="space-y-3">
      <p className="font-medium text-slate-900">{t.status}</p>
      <p className="text-slate-700">{user.active ? t.active : t.inactive}</p>
      <button type="button" onClick={toggle} disabled={pending} className={`${outlineButton} ${tone}`}>
        {user.active ? t.deactivate : t.activate}
      </button>
    </div>
  );
}

function ResetPasswordForm({ user, action, report }: PartProps<typeof resetPasswordSchema>) {
  const hint = t.passwordHint(PASSWORD_MIN);
  const { form, onSubmit, field } = useActionForm({
    schema: resetPasswordSchema,
    defaultValues: { userId: user.id, password: '' },
    action,
    onSuccess: (data) => {
      report({ ok: true, data }, t.passwordReset);
      form.resetField('password');
    },
    onFailure: (failure) => report(failure, t.passwordReset),
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3">
      <Field label={t.newPassword} hint={hint} {...field('password', { id: `user-${user.id}-password` })}>
        {(input) => <input {...input} type="password" autoComplete="new-password" maxLength={200} className={inputClass} />}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t.resetPassword}
      </Button>
    </form>
  );
}
