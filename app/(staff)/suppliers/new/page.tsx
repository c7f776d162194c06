import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/app/guards';
import { CompanyForm } from '@/components/suppliers/company-form';
import { messages } from '@/lib/i18n';
import { companyFormValues } from '@/lib/suppliers/form';
import { createSupplier } from '../[id]/actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.suppliers;

export const metadata: Metadata = { title: t.newTitle };

export default async function NewSupplierPage() {
  await requireStaffPage('expert', '/suppliers/new');
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <Link href="/suppliers" className="text-sm text-brand-700 underline underline-offset-4">
        ← {t.back}
      </Link>
      <PageTitle>{t.newTitle}</PageTitle>
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <CompanyForm mode="create" initial={companyFormValues()} save={createSupplier} />
      </section>
    </div>
  );
}
