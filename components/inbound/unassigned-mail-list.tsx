import type { UnassignedMail } from '@/lib/inbound/unassigned';
import { formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { AttachMailForm, type AttachMail, NewCaseFromMailForm, type NewCaseFromMail } from './unassigned-mail-forms';

const t = messages.inbound;

/** One card per mail: who, what, when, the text, and the two ways to handle it. */
export function UnassignedMailList({ mails, attach, newCase }: { mails: UnassignedMail[]; attach: AttachMail; newCase: NewCaseFromMail }) {
  return (
    <ul className="space-y-4">
      {mails.map((mail) => (
        <li key={mail.id}>
          <article aria-labelledby={`mail-${mail.id}-subject`} className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
            <h2 id={`mail-${mail.id}-subject`} className="text-lg font-semibold text-slate-900">
              {mail.subject || t.noSubject}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">{t.from}</dt>
              <dd>{mail.fromAddress}</dd>
              <dt className="text-slate-600">{t.received}</dt>
              <dd>{formatDateTime(mail.receivedAt)}</dd>
              {mail.fileNames.length > 0 && (
                <>
                  <dt className="text-slate-600">{t.files}</dt>
                  <dd>{mail.fileNames.join(', ')}</dd>
                </>
              )}
            </dl>
            <p className="whitespace-pre-wrap rounded bg-slate-50 p-3 text-slate-800">{mail.textBody}</p>
            <div className="flex flex-wrap items-end gap-6">
              <AttachMailForm mailId={mail.id} attach={attach} />
              <NewCaseFromMailForm mailId={mail.id} newCase={newCase} />
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}
