import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DistrictMap } from '@/components/cases/district-map';
import { CompanyOffers } from '@/components/offers/company-offers';
import { Fact, Panel, SectorList, Tags, WebsiteLink } from '@/components/suppliers/company-parts';
import { RequestCallout } from '@/components/suppliers/request-callout';
import { messages } from '@/lib/i18n';
import { sectorTitles } from '@/lib/sectors/queries';
import { activeCompanyOffers } from '@/lib/offers/queries';
import { loadPublicCompany } from '@/lib/suppliers/detail';
import { parseIdParam } from '@/lib/validation';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.directory;
const s = messages.suppliers;

async function publicCompany(raw: string) {
  const id = parseIdParam(raw);
  return id === undefined ? undefined : loadPublicCompany(id);
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const company = await publicCompany((await params).id);
  return { title: company ? company.name : t.title };
}

/** A listed company's public profile. Unlisted companies do not exist here (404). */
export default async function DirectoryEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const company = await publicCompany((await params).id);
  if (!company) notFound();
  const [titles, offers] = await Promise.all([sectorTitles(company.sectors), activeCompanyOffers(company.id)]);

  return (
    <div className="space-y-5">
      <Link href="/directory" className="text-sm text-brand-700 underline underline-offset-4">
        ← {t.back}
      </Link>
      <header className="space-y-1">
        <PageTitle>{company.name}</PageTitle>
        <p className="text-slate-700">
          {s.kinds[company.kind]} · {company.postalCode} {company.city}
          {company.districtName && company.districtName !== company.city ? ` · ${company.districtName}` : ''}
        </p>
      </header>

      <Panel title={t.profile}>
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto]">
          <dl className="divide-y divide-slate-100">
            <Fact label={s.sectors}>
              <SectorList codes={company.sectors} titles={titles} />
            </Fact>
            <Fact label={s.capabilities}>
              <Tags items={company.capabilities} />
            </Fact>
            <Fact label={s.certifications}>
              <Tags items={company.certifications} />
            </Fact>
            {company.description && (
              <Fact label={s.fields.description}>
                <p className="whitespace-pre-wrap">{company.description}</p>
              </Fact>
            )}
          </dl>
          {company.districtName && (
            <div className="w-40">
              <DistrictMap
                districtKey={company.districtKey}
                latitude={company.latitude}
                longitude={company.longitude}
                label={s.mapPoint(`${company.postalCode} ${company.city}`)}
              />
            </div>
          )}
        </div>
      </Panel>

      <CompanyOffers offers={offers} />

      <Panel title={t.contact}>
        <dl className="divide-y divide-slate-100">
          <Fact label={s.sections.location}>
            {company.postalCode} {company.city}
          </Fact>
          {company.website && (
            <Fact label={s.fields.website}>
              <WebsiteLink url={company.website} />
            </Fact>
          )}
          {company.email && (
            <Fact label={s.fields.email}>
              <a href={`mailto:${company.email}`} className="text-brand-700 underline">
                {company.email}
              </a>
            </Fact>
          )}
          {company.phone && (
            <Fact label={s.fields.phone}>
              <a href={`tel:${company.phone}`} className="text-brand-700 underline">
                {company.phone}
              </a>
            </Fact>
          )}
        </dl>
      </Panel>

      <RequestCallout companyId={company.id} />
    </div>
  );
}
