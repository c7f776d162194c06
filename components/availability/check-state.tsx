import type { CheckState, ConsentState } from '@/lib/availability/queries';
import { formatDate, formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';

const t = messages.availability;

/** One shortlisted supplier's availability check and consent, as the case page shows them. */
export function CheckStateView({ check, consent }: { check: CheckState | undefined; consent: ConsentState | undefined }) {
  return (
    <div className="space-y-0.5 text-xs text-slate-700" data-check-state>
      {!check && <p>{t.stateNotAsked}</p>}
      {check && !check.answer && <p>{t.stateAsked(formatDate(check.sentAt), check.reminders)}</p>}
      {check?.answer && check.answeredAt && (
        <div className="rounded bg-slate-50 p-1.5 text-sm text-slate-900">
          <p>
            <span className="font-semibold">{messages.introductions.availabilityAnswers[check.answer]}</span> ·{' '}
            {t.stateAnswered(formatDateTime(check.answeredAt))}
          </p>
          {[
            [t.quantity, check.quantity],
            [t.leadTime, check.leadTime],
            [t.price, check.priceNote],
            [t.note, check.note],
          ]
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <p key={label} className="whitespace-pre-wrap break-words">
                {label}: {value}
              </p>
            ))}
        </div>
      )}
      <p className={consent ? 'font-semibold text-green-800' : undefined}>
        {!consent
          ? t.consentNone
          : consent.source === 'supplier_link'
            ? t.consentByLink(formatDateTime(consent.givenAt), consent.textVersion ?? '')
            : t.consentByPhone(consent.recordedBy ?? '', formatDateTime(consent.givenAt), consent.note)}
      </p>
    </div>
  );
}
