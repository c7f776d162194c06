import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EntryForms } from '@/components/suppliers/entry-forms';
import { Fact, Tags } from '@/components/suppliers/company-parts';
import { messages } from '@/lib/i18n';
import { loadEntryForToken } from '@/lib/suppliers/entry-answer';
import { answerCompanyEntry } from '../actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.entries;
const f = messages.suppliers.fields;
const none = messages.suppliers.none;

// The link is personal: no search engine, no title naming the company.
export const metadata: Metadata = { title: t.pageTitle, robots: { index: false, follow: false } };

/**
 * A company checks its own entry, opened from the link in our mail: what we have, and its three
 * answers. A forged, expired, used or revoked link is the same 404 page.
 */
export default async function EntryCheckPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const entry = await loadEntryForToken(token);
  if (!entry) notFound();
  const text = (value: string | null) => value ?? '';
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <PageTitle>{t.pageTitle}</PageTitle>
        <p className="text-slate-700">{t.pageIntro(entry.name)}</p>
      </header>
      <section aria-labelledby="current-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="current-title" className="text-lg font-semibold text-brand-800">
          {t.current}
        </h2>
        <dl className="divide-y divide-slate-100">
          <Fact label={f.name}>{entry.name}</Fact>
          <Fact label={messages.suppliers.sections.location}>
            {entry.street && <span className="block">{entry.street}</span>}
            {entry.postalCode} {entry.city}
          </Fact>
          <Fact label={f.email}>{entry.email ?? none}</Fact>
          <Fact label={f.phone}>{entry.phone ?? none}</Fact>
          <Fact label={f.website}>{entry.website ?? none}</Fact>
          <Fact label={f.contactPerson}>{entry.contactPerson ?? none}</Fact>
          <Fact label={f.sectors}>{entry.sectors.join(', ') || none}</Fact>
          <Fact label={f.capabilities}>
            <Tags items={entry.capabilities} />
          </Fact>
          <Fact label={f.certifications}>
            <Tags items={entry.certifications} />
          </Fact>
          <Fact label={f.description}>
            <p className="whitespace-pre-wrap">{entry.description || none}</p>
          </Fact>
          <Fact label={t.listingTitle}>{entry.publicListing ? t.listingYes : t.listingNo}</Fact>
        </dl>
      </section>
      <EntryForms
        token={token}
        version={entry.version}
        publicListing={entry.publicListing}
        answer={answerCompanyEntry}
        values={{
          name: entry.name,
          street: text(entry.street),
          postalCode: entry.postalCode,
          city: entry.city,
          email: text(entry.email),
          phone: text(entry.phone),
          website: text(entry.website),
          contactPerson: text(entry.contactPerson),
          sectors: entry.sectors.join(', '),
          capabilities: entry.capabilities.join('\n'),
          certifications: entry.certifications.join('\n'),
          description: entry.description,
        }}
      />
    </div>
  );
}
