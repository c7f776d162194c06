import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaffPage } from '@/app/guards';
import { idParamOr404 } from '@/app/route-params';
import { CreateCompanyForm, MergeForm, RejectForm } from '@/components/offers/review-forms';
import { Fact, Panel, SectorList, Tags, WebsiteLink } from '@/components/suppliers/company-parts';
import { Alert } from '@/components/ui/alert';
import { formatDate, formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { loadOfferReview } from '@/lib/offers/queries';
import { sectorTitles } from '@/lib/sectors/queries';
import { createCompanyForOffer, mergeOfferIntoCompany, rejectCapacityOffer } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.offers;

export const metadata: Metadata = { title: t.queueTitle };

export default async function OfferReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ matched?: string }>;
}) {
  const { id: raw } = await params;
  await requireStaffPage('expert', `/offers/${raw}`);
  const review = await loadOfferReview(idParamOr404(raw));
  if (!review) notFound();
  const { offer, suggestions } = review;
  const titles = await sectorTitles(offer.sectors);
  const matched = Number((await searchParams).matched);
  const ref = { id: offer.id, version: offer.version };
  const offerValues = {
    street: offer.street,
    website: offer.website,
    email: offer.email,
    phone: offer.phone,
    contactPerson: offer.contactName,
  };

  return (
    <div className="space-y-5">
      <Link href="/offers" className="text-sm text-brand-700 underline underline-offset-4">
        ← {t.back}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <PageTitle>{t.reviewTitle(offer.organisation)}</PageTitle>
        <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-800">{t.statuses[offer.status]}</span>
      </header>
      {offer.status === 'accepted' && Number.isInteger(matched) && <Alert tone="success">{t.accepted(matched)}</Alert>}
      {offer.status === 'rejected' && Number.isInteger(matched) && <Alert tone="success">{t.rejected}</Alert>}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Panel title={t.details}>
          <dl className="divide-y divide-slate-100">
            <Fact label={t.offer}>
              <p className="whitespace-pre-wrap">{offer.offer}</p>
            </Fact>
            <Fact label={t.quantity}>{offer.quantity ?? messages.suppliers.none}</Fact>
            <Fact label={t.until}>{offer.availableUntil ? formatDate(offer.availableUntil) : t.openEnded}</Fact>
            <Fact label={t.organisation}>
              {offer.organisation} · {messages.suppliers.kinds[offer.kind]}
            </Fact>
            <Fact label={t.place}>
              {offer.street && <span className="block">{offer.street}</span>}
              {offer.postalCode} {offer.city}
            </Fact>
            <Fact label={t.contact}>
              <span className="block">{offer.contactName}</span>
              <a href={`mailto:${offer.email}`} className="block text-brand-700 underline">
                {offer.email}
              </a>
              {offer.phone && <span className="block">{offer.phone}</span>}
              {offer.website && <WebsiteLink url={offer.website} />}
            </Fact>
            <Fact label={t.sectors}>
              <SectorList codes={offer.sectors} titles={titles} />
            </Fact>
            <Fact label={t.certifications}>
              <Tags items={offer.certifications} />
            </Fact>
            <Fact label={t.receivedAt}>{formatDateTime(offer.createdAt)}</Fact>
          </dl>
          <p className="text-sm text-slate-600">{t.consentGiven(offer.consentVersion, formatDateTime(offer.consentedAt))}</p>
        </Panel>

        <div className="space-y-5">
          {offer.status === 'new' ? (
            <>
              <Panel title={t.duplicatesTitle}>
                <p className="text-sm text-slate-700">{t.duplicatesHint}</p>
                {suggestions.length === 0 && <p>{t.noDuplicates}</p>}
                <ul className="space-y-5">
                  {suggestions.map((company) => (
                    <li key={company.id} className="space-y-2 rounded-md border border-slate-200 p-3">
                      <p>
                        <Link href={`/suppliers/${company.id}`} className="font-semibold text-brand-700 underline underline-offset-4">
                          {company.name}
                        </Link>{' '}
                        <span className="text-sm text-slate-600">
                          {company.postalCode} {company.city} ·{' '}
                          {company.samePlace ? t.samePlace : t.similarity(Math.round(company.similarity * 100))}
                        </span>
                      </p>
                      <MergeForm offer={ref} offerValues={offerValues} company={company} merge={mergeOfferIntoCompany} />
                    </li>
                  ))}
                </ul>
              </Panel>
              <Panel title={t.createTitle}>
                <CreateCompanyForm offer={ref} create={createCompanyForOffer} />
              </Panel>
              <Panel title={t.rejectTitle}>
                <RejectForm offer={ref} reject={rejectCapacityOffer} />
              </Panel>
            </>
          ) : (
            <Panel title={t.statuses[offer.status]}>
              <p>{t.reviewedBy(review.reviewer, offer.reviewedAt ? formatDateTime(offer.reviewedAt) : '')}</p>
              {offer.reviewNote && <p className="whitespace-pre-wrap">{offer.reviewNote}</p>}
              {offer.companyId && (
                <Link href={`/suppliers/${offer.companyId}`} className="text-brand-700 underline underline-offset-4">
                  {t.linkedCompany}: {review.company}
                </Link>
              )}
            </Panel>
          )}
        </div>
      </div>
    </div>
  );
}
