'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { type DefaultValues, type FieldValues, get, type Mode, type Path, type RegisterOptions, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionFailure, ActionResult } from '@/lib/action-result';
import { callAction } from './call-action';

interface Options<Input extends FieldValues, Output, T, Extra extends object> {
  /** The schema the action parses with, so the browser refuses what the server would. */
  schema: z.ZodType<Output, Input>;
  defaultValues: DefaultValues<Input>;
  /** When fields validate before the first submit (react-hook-form's `mode`). */
  mode?: Mode;
  action: (values: Output) => Promise<ActionResult<T, Extra>>;
  onSuccess?: (data: T, values: Output) => void;
  /** After the server's field errors are on their fields (a conflict's current state, say). */
  onFailure?: (failure: ActionFailure<Extra>) => void;
}

/** The first message of a field's error, which for a list may sit on one of its entries. */
function messageOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string') return error.message;
  for (const entry of Object.values(error)) {
    const nested = messageOf(entry);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * react-hook-form with the action's schema, wired to its ActionResult: server field errors land
 * on their fields (the first gets focus), a thrown action (network, server down) is the
 * German "unexpected" message, and `field(name)` gives a Field everything it needs.
 */
export function useActionForm<Input extends FieldValues, Output, T, Extra extends object = object>(
  options: Options<Input, Output, T, Extra>,
) {
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(options.schema),
    defaultValues: options.defaultValues,
    mode: options.mode,
  });
  const [result, setResult] = useState<ActionResult<T, Extra>>();

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(undefined);
    const outcome = await callAction(options.action, values);
    setResult(outcome);
    if (outcome.ok) {
      options.onSuccess?.(outcome.data, values);
      return;
    }
    for (const [i, [name, message]] of Object.entries(outcome.fieldErrors ?? {}).entries()) {
      form.setError(name as Path<Input>, { type: 'server', message }, { shouldFocus: i === 0 });
    }
    options.onFailure?.(outcome);
  });

  // react-hook-form fills its inputs only once the page is hydrated; the initial value as a
  // DOM default also shows it in the server's HTML, so a slow phone never sees an empty or
  // wrong form before that (and a reload shows what was saved).
  const initial = (name: Path<Input>): unknown => get(options.defaultValues, name);

  /** Registration, id and error of one field, for `<Field {...field('name')}>`. */
  const field = (name: Path<Input>, { id = name, ...register }: { id?: string } & RegisterOptions<Input, Path<Input>> = {}) => {
    const value = initial(name);
    return {
      id,
      error: messageOf(form.getFieldState(name, form.formState).error),
      registration: {
        ...form.register(name, register),
        ...(typeof value === 'string' || typeof value === 'number' ? { defaultValue: value } : {}),
      },
    };
  };

  /** Registration of a yes/no checkbox, checked in the server's HTML when its initial value is. */
  const checkbox = (name: Path<Input>) => ({ ...form.register(name), defaultChecked: initial(name) === true });

  /** Registration of one choice of a radio group, chosen in the server's HTML when it is the initial value. */
  const radio = (name: Path<Input>, value: string) => ({ ...form.register(name), value, defaultChecked: initial(name) === value });

  return { form, result, onSubmit, field, checkbox, radio };
}
