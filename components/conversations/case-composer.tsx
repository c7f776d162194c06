'use client';

import { useState } from 'react';
import type { AttachmentLimits } from '@/lib/attachments/limits';
import { messages } from '@/lib/i18n';
import { type AddNote, NoteForm } from '../cases/note-form';
import { type ComposerTemplate, MessageForm, type SendCaseMessage } from './message-form';

const t = messages.conversations;

type Kind = 'note' | 'message';

/**
 * One place to write on a case, with the kind chosen first and shown throughout: an internal
 * note never reaches the requester, a message always does.
 */
export function CaseComposer(props: {
  caseId: number;
  version: number;
  /** Null once the requester's data is erased: then only notes. */
  requesterEmail: string | null;
  templates: ComposerTemplate[];
  addNote: AddNote;
  send: SendCaseMessage;
  attachmentLimits: AttachmentLimits;
}) {
  const [kind, setKind] = useState<Kind>('note');
  const option = (value: Kind, label: string) => (
    <label className="flex items-center gap-2">
      <input
        type="radio"
        name="composer-kind"
        value={value}
        checked={kind === value}
        onChange={() => setKind(value)}
        disabled={value === 'message' && !props.requesterEmail}
      />
      {label}
    </label>
  );
  return (
    <div className="space-y-3">
      <fieldset className="space-y-1">
        <legend className="font-medium text-slate-900">{t.composerKind}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          {option('note', t.kindNote)}
          {option('message', t.kindMessage)}
        </div>
      </fieldset>
      <div className={`rounded-md border-l-4 p-3 ${kind === 'note' ? 'border-slate-500 bg-slate-50' : 'border-brand-600 bg-brand-50'}`}>
        <p className="mb-3 text-sm font-medium text-slate-900">
          {kind === 'note' ? t.kindNoteHint : props.requesterEmail ? t.kindMessageHint(props.requesterEmail) : t.erasedNoMessages}
        </p>
        {kind === 'note' ? (
          <NoteForm caseId={props.caseId} addNote={props.addNote} />
        ) : (
          <MessageForm
            caseId={props.caseId}
            version={props.version}
            templates={props.templates}
            send={props.send}
            attachmentLimits={props.attachmentLimits}
          />
        )}
      </div>
    </div>
  );
}
