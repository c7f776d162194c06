'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { callAction } from '../call-action';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { describedBy, Field, inputClass } from '../ui/field';

const t = messages.synonyms;
export type SaveSynonyms = (input: { text: string }) => Promise<ActionResult<{ groups: number }>>;

export function SynonymForm({ initialText, save }: { initialText: string; save: SaveSynonyms }) {
  const [text, setText] = useState(initialText);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await callAction(save, { text });
    setSaving(false);
    setNotice(result.ok ? { tone: 'success', text: t.saved(result.data.groups) } : { tone: 'error', text: result.error });
    setError(result.ok ? undefined : result.fieldErrors?.text);
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <Field id="synonyms" label={t.label} hint={t.hint} error={error}>
        <textarea
          {...describedBy('synonyms', { hint: t.hint, error })}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={18}
          className={`${inputClass} font-mono text-sm`}
        />
      </Field>
      <Button type="submit" disabled={saving}>
        {t.save}
      </Button>
    </form>
  );
}
