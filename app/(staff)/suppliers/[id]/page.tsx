import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaffPage } from '@/app/guards';
import { idParamOr404 } from '@/app/route-params';
import { DistrictMap } from '@/components/cases/district-map';
import { Fact, Panel, SectorList, Tags, WebsiteLink } from '@/components/suppliers/company-parts';
import { CompanyForm } from '@/components/suppliers/company-form';
import { CompanyIntroductions } from '@/components/introductions/company-introductions';
import { CompanyHistory } from '@/components/suppliers/company-history';
import { CompanyOffers } from '@/components/offers/company-offers';
import { activeCompanyOffers } from '@/lib/offers/queries';
import { formatDate, formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { sectorTitles } from '@/lib/sectors/queries';
import { companyIntroductions } from '@/lib/introductions/queries';
import { loadCompany, loadCompanyHistory } from '@/lib/suppliers/detail';
import { companyFormValues } from '@/lib/suppliers/form';
import { EntryCheckButton } from '@/components/suppliers/entry-actions';
import { EntryProposals } from '@/components/suppliers/entry-proposals';
import { MergePanel } from '@/components/suppliers/merge-panel';
import { pendingEntryChanges } from '@/lib/suppliers/entry-review';
import { duplicateCandidates, mergePreview } from '@/lib/suppliers/merge';
import { parseIdParam } from '@/lib/validation';
import { mergeCompany, requestCompanyEntryCheck, reviewCompanyEntryChange, saveSupplier } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.suppliers;
const f = t.fields;
const te = messages.entries;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `${t.title} ${(await params).id}` };
}

export default async function SupplierPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ merge?: string | string[] }>;
}) {
  const { id: raw } = await params;
  const { merge } = await searchParams;
  const mergeId = typeof merge === 'string' ? parseIdParam(merge) : undefined;
  await requireStaffPage('expert', `/suppliers/${raw}`);
  const company = await loadCompany(idParamOr404(raw));
  if (!company) notFound();
  const [history, titles, introductions, proposals, candidates, preview, offers] = await Promise.all([
    loadCompanyHistory(company.id),
    sectorTitles(company.sectors),
    companyIntroductions(company.id),
    pendingEntryChanges(company.id),
    duplicateCandidates(company.id),
    mergeId && mergeId !== company.id ? mergePreview(mergeId) : undefined,
    activeCompanyOffers(company.id),
  ]);

  return (
    <div className="space-y-5">
      <Link href="/suppliers" className="text-sm text-brand-700 underline underline-offset-4">
        ← {t.back}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <PageTitle>{company.name}</PageTitle>
        <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-800">{t.kinds[company.kind]}</span>
        <span
          className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${
            company.publicListing ? 'bg-green-100 text-green-900' : 'bg-amber-100 text-amber-900'
          }`}
        >
          {company.publicListing ? t.isPublic : t.notPublic}
        </span>
        <span
          className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${
            company.verifiedAt ? 'bg-green-100 text-green-900' : 'bg-slate-100 text-slate-800'
          }`}
        >
          {company.verifiedAt ? te.verifiedOn(formatDate(company.verifiedAt)) : te.neverVerified}
        </span>
      </header>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-5">
          <Panel title={t.sections.master}>
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto]">
              <dl className="divide-y divide-slate-100">
                {company.externalId && <Fact label={f.externalId}>{company.externalId}</Fact>}
                <Fact label={f.kind}>{t.kinds[company.kind]}</Fact>
                <Fact label={t.sections.location}>
                  {company.street && <span className="block">{company.street}</span>}
                  {company.postalCode} {company.city}
                </Fact>
                <Fact label={f.district}>{company.districtName ?? t.notLocated}</Fact>
                <Fact label={f.employees}>
                  {company.employees === null ? t.none : company.employees.toLocaleString('de-DE')}
                  {company.sizeClass && ` · ${t.sizes[company.sizeClass]}`}
                </Fact>
                {company.source && <Fact label={f.source}>{company.source}</Fact>}
                <Fact label={f.createdAt}>{formatDateTime(company.createdAt)}</Fact>
                <Fact label={f.updatedAt}>{formatDateTime(company.updatedAt)}</Fact>
              </dl>
              {company.districtName && (
                <div className="w-40 sm:w-48">
                  <DistrictMap
                    districtKey={company.districtKey}
                    latitude={company.latitude}
                    longitude={company.longitude}
                    label={t.mapPoint(`${company.postalCode} ${company.city}`)}
                  />
                </div>
              )}
            </div>
          </Panel>

          <Panel title={t.sections.contact}>
            <dl className="divide-y divide-slate-100">
              <Fact label={f.contactPerson}>{company.contactPerson ?? t.none}</Fact>
              <Fact label={f.email}>
                {company.email ? (
                  <a href={`mailto:${company.email}`} className="text-brand-700 underline">
                    {company.email}
                  </a>
                ) : (
                  t.none
                )}
              </Fact>
              <Fact label={f.phone}>
                {company.phone ? (
                  <a href={`tel:${company.phone}`} className="text-brand-700 underline">
                    {company.phone}
                  </a>
                ) : (
                  t.none
                )}
              </Fact>
              <Fact label={f.website}>{company.website ? <WebsiteLink url={company.website} /> : t.none}</Fact>
            </dl>
          </Panel>

          <Panel title={t.sections.profile}>
            <dl className="divide-y divide-slate-100">
              <Fact label={t.sectors}>
                <SectorList codes={company.sectors} titles={titles} />
              </Fact>
              <Fact label={t.capabilities}>
                <Tags items={company.capabilities} />
              </Fact>
              <Fact label={t.certifications}>
                <Tags items={company.certifications} />
              </Fact>
              <Fact label={f.description}>
                <p className="whitespace-pre-wrap">{company.description || t.none}</p>
              </Fact>
            </dl>
          </Panel>

          <CompanyOffers offers={offers} />

          <Panel title={messages.introductions.company.title}>
            <CompanyIntroductions rows={introductions} />
          </Panel>

          <Panel title={t.history}>
            <CompanyHistory entries={history} />
          </Panel>
        </div>

        <div className="space-y-5">
          <Panel title={te.requestCheck}>
            <p className="text-sm text-slate-700">
              {company.email ? te.requestCheckHint : te.noEmail}
              {company.entryCheckSentAt && ` ${te.lastCheckSent(formatDate(company.entryCheckSentAt))}`}
            </p>
            {company.email && <EntryCheckButton companyId={company.id} request={requestCompanyEntryCheck} />}
          </Panel>
          <EntryProposals proposals={proposals} review={reviewCompanyEntryChange} />
          <Panel title={t.sections.edit}>
            <CompanyForm mode="edit" id={company.id} version={company.version} initial={companyFormValues(company)} save={saveSupplier} />
          </Panel>
          <div id="merge">
            <Panel title={te.mergeTitle}>
              <MergePanel
                keep={{ id: company.id, version: company.version }}
                candidates={candidates}
                chosen={mergeId}
                preview={preview}
                merge={mergeCompany}
              />
            </Panel>
          </div>
        </div>
      </div>
    </div>
  );
}
