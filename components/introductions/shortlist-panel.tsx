import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import type { CaseAvailability } from '@/lib/availability/queries';
import type { ShortlistItem } from '@/lib/introductions/shortlist';
import { CheckStateView } from '../availability/check-state';
import { PhoneConsentForm, type RecordConsent } from '../availability/phone-consent-form';
import { ShortlistButton, type ShortlistActions } from './shortlist-button';

const t = messages.introductions.shortlist;

export function ShortlistPanel({
  caseId,
  items,
  availability,
  actions,
  recordConsent,
}: {
  caseId: number;
  items: ShortlistItem[];
  availability: CaseAvailability;
  actions: ShortlistActions;
  recordConsent: RecordConsent;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{t.empty}</p>;
  const unanswered = items.filter((item) => {
    const check = availability.checks.get(item.companyId);
    return check && !check.answer;
  });
  return (
    <>
      {unanswered.length > 0 && (
        <p className="text-sm font-semibold text-amber-900">{messages.availability.unanswered(unanswered.map((i) => i.name).join(', '))}</p>
      )}
      <ul className="divide-y divide-slate-100" aria-label={t.title}>
        {items.map((item) => (
          <li key={item.companyId} className="space-y-1 py-2 text-sm" data-shortlist-company={item.companyId}>
            <div className="flex flex-wrap items-baseline gap-2">
              <Link href={`/suppliers/${item.companyId}`} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
                {item.name}
              </Link>
              <span className="text-slate-600">
                {item.postalCode} {item.city}
              </span>
              {item.introductions > 0 && (
                <span className="rounded bg-green-50 px-1.5 text-xs font-semibold text-green-900">{t.introduced}</span>
              )}
            </div>
            {item.note && <p className="whitespace-pre-wrap break-words text-slate-800">{item.note}</p>}
            <p className="text-xs text-slate-600">
              {item.addedBy ?? ''} · {formatDate(item.createdAt)}
            </p>
            <CheckStateView check={availability.checks.get(item.companyId)} consent={availability.consents.get(item.companyId)} />
            {!availability.consents.has(item.companyId) && (
              <PhoneConsentForm caseId={caseId} companyId={item.companyId} companyName={item.name} record={recordConsent} />
            )}
            <ShortlistButton caseId={caseId} companyId={item.companyId} companyName={item.name} shortlisted actions={actions} />
          </li>
        ))}
      </ul>
    </>
  );
}
