import type { Metadata } from 'next';
import { requireStaffPage } from '@/app/guards';
import { UnassignedMailList } from '@/components/inbound/unassigned-mail-list';
import { listUnassignedMail } from '@/lib/inbound/unassigned';
import { messages } from '@/lib/i18n';
import { attachMail, newCaseFromMail } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.inbound;

export const metadata: Metadata = { title: t.title };

export default async function UnassignedMailPage() {
  const user = await requireStaffPage('expert', '/mail');
  const mails = await listUnassignedMail(user);
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-2">
        <PageTitle>{t.title}</PageTitle>
        <p className="text-slate-700">{t.intro}</p>
      </div>
      {mails.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-slate-700">{t.empty}</p>
      ) : (
        <UnassignedMailList mails={mails} attach={attachMail} newCase={newCaseFromMail} />
      )}
    </div>
  );
}
