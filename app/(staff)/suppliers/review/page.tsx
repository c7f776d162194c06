import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/app/guards';
import { EntryProposals } from '@/components/suppliers/entry-proposals';
import { messages } from '@/lib/i18n';
import { pendingEntryChanges } from '@/lib/suppliers/entry-review';
import { reviewCompanyEntryChange } from '../[id]/actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.entries;

export const metadata: Metadata = { title: t.reviewTitle };

/** Corrections companies proposed to their own entries, oldest first, each to apply or reject. */
export default async function EntryReviewPage() {
  await requireStaffPage('expert', '/suppliers/review');
  const proposals = await pendingEntryChanges();
  return (
    <div className="space-y-5">
      <Link href="/suppliers" className="text-sm text-brand-700 underline underline-offset-4">
        ← {messages.suppliers.back}
      </Link>
      <PageTitle>{t.reviewTitle}</PageTitle>
      <p className="text-slate-700">{t.reviewIntro}</p>
      <EntryProposals proposals={proposals} review={reviewCompanyEntryChange} list />
    </div>
  );
}
