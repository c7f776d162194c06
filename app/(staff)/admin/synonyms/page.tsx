import type { Metadata } from 'next';
import { requireStaffPage } from '@/app/guards';
import { SynonymForm } from '@/components/admin/synonym-form';
import { messages } from '@/lib/i18n';
import { synonymText } from '@/lib/suppliers/synonym-schema';
import { listSynonymGroups } from '@/lib/suppliers/synonyms';
import { saveSynonyms } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.synonyms;

export const metadata: Metadata = { title: t.title };

export default async function SynonymsPage() {
  await requireStaffPage('admin', '/admin/synonyms');
  const groups = await listSynonymGroups();
  return (
    <div className="max-w-3xl space-y-4">
      <PageTitle>{t.title}</PageTitle>
      <p className="text-slate-700">{t.intro}</p>
      <SynonymForm initialText={synonymText(groups.map((g) => g.terms))} save={saveSynonyms} />
    </div>
  );
}
