import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import type { PendingEntryChange } from '@/lib/suppliers/entry-review';
import { Panel } from './company-parts';
import { EntryChangeReview, EntryChangeReviews, type ReviewEntryChange } from './entry-actions';

const t = messages.entries;

/**
 * Corrections companies proposed to their own entries, each to apply or reject: on a company's
 * page titled by date, on the review list (`list`) titled by company and linked to it.
 */
export function EntryProposals({
  proposals,
  review,
  list,
}: {
  proposals: PendingEntryChange[];
  review: ReviewEntryChange;
  list?: boolean;
}) {
  return (
    <EntryChangeReviews>
      {list && proposals.length === 0 && <p className="text-slate-700">{t.reviewEmpty}</p>}
      {proposals.map((proposal) => (
        <Panel key={proposal.id} title={list ? proposal.company : `${t.reviewTitle} (${t.proposedOn(formatDate(proposal.createdAt))})`}>
          {list && (
            <p className="text-sm text-slate-600">
              <Link href={`/suppliers/${proposal.companyId}`} className="text-brand-700 underline underline-offset-4">
                {messages.suppliers.title} Nr. {proposal.companyId}
              </Link>{' '}
              · {t.proposedOn(formatDate(proposal.createdAt))}
            </p>
          )}
          <EntryChangeReview changeId={proposal.id} version={proposal.companyVersion} changes={proposal.changes} review={review} />
        </Panel>
      ))}
    </EntryChangeReviews>
  );
}
