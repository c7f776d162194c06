import type { Metadata } from 'next';
import { requireStaffPage } from '@/app/guards';
import { ImportForm } from '@/components/admin/import-form';
import { messages } from '@/lib/i18n';
import { CSV_COLUMNS } from '@/lib/suppliers/csv';
import { IMPORT_MAX_MB } from '@/lib/suppliers/import';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.importer;

export const metadata: Metadata = { title: t.title };

export default async function AdminImportPage() {
  await requireStaffPage('admin', '/admin/import');
  return (
    <div className="max-w-4xl space-y-6">
      <PageTitle>{t.title}</PageTitle>
      <p className="text-slate-700">{t.intro}</p>
      <section aria-labelledby="import-upload-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="import-upload-title" className="sr-only">
          {t.uploadTitle}
        </h2>
        <ImportForm maxMb={IMPORT_MAX_MB} />
      </section>
      <section aria-labelledby="import-format-title" className="space-y-2 text-sm text-slate-700">
        <h2 id="import-format-title" className="text-base font-semibold text-slate-900">
          {t.formatTitle}
        </h2>
        <p className="wrap-anywhere font-mono">{CSV_COLUMNS.join(';')}</p>
        <p>{t.formatRequired}</p>
        <p>
          <a href="/api/suppliers/export" className="font-medium text-brand-700 underline hover:text-brand-800">
            {messages.export.all}
          </a>
        </p>
      </section>
    </div>
  );
}
