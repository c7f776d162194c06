import Link from 'next/link';
import type { CaseDetail } from '@/lib/cases/detail';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { introductionLetter } from '@/lib/introductions/letter';
import { allowedOutcomes, followUpState } from '@/lib/introductions/outcomes';
import type { IntroductionRow } from '@/lib/introductions/queries';
import { LetterBox, type SendIntroduction } from './letter-box';
import { FollowUp, OutcomeBadge } from './outcome-badge';
import { OutcomeForm, type SaveOutcome } from './outcome-form';

const t = messages.introductions;

/** A case's introductions: outcome, follow-up, the prepared text and the outcome form. */
interface Props {
  c: CaseDetail['case'];
  rows: IntroductionRow[];
  today: string;
  staffName: string;
  actions: { saveOutcome: SaveOutcome; send: SendIntroduction };
}

export function CaseIntroductions({ c, rows, today, staffName, actions }: Props) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t.list.none}</p>;
  return (
    <ul className="space-y-3">
      {rows.map((row) => {
        const letter = introductionLetter(
          c,
          {
            name: row.company,
            postalCode: row.companyPostalCode,
            city: row.companyCity,
            email: row.companyEmail,
            phone: row.companyPhone,
            website: row.companyWebsite,
            contactPerson: row.companyContact,
          },
          staffName,
        );
        return (
          <li key={row.id} className="space-y-2 rounded-md border border-slate-200 p-3 text-sm" data-introduction-id={row.id}>
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/suppliers/${row.companyId}`} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
                {row.company}
              </Link>
              <OutcomeBadge outcome={row.outcome} agreementKind={row.agreementKind} source={row.outcomeSource} />
            </div>
            <p className="text-slate-700">
              {formatDate(row.introducedOn)} · {t.channels[row.channel]} · {row.introducedBy}
            </p>
            <p className="text-slate-700">
              <span className="font-medium">{t.list.followUp}: </span>
              <FollowUp date={row.followUpOn} state={followUpState(row, today)} />
            </p>
            <p className={row.contactShared ? 'text-green-800' : 'text-slate-600'}>
              {row.contactShared ? t.list.contactShared : t.list.contactNotShared}
            </p>
            {row.note && <p className="whitespace-pre-wrap break-words text-slate-900">{row.note}</p>}
            <details className="rounded border border-slate-200 p-2">
              <summary className="cursor-pointer font-medium text-brand-800">{t.outcome.title}</summary>
              <div className="pt-2">
                <OutcomeForm introduction={row} options={[row.outcome, ...allowedOutcomes(row.outcome)]} save={actions.saveOutcome} />
              </div>
            </details>
            <details className="rounded border border-slate-200 p-2">
              <summary className="cursor-pointer font-medium text-brand-800">{t.letter.title}</summary>
              <div className="pt-2">
                <LetterBox
                  introductionId={row.id}
                  send={actions.send}
                  subject={letter.subject}
                  body={letter.body}
                  canSend={row.contactShared && row.companyEmail !== null}
                  reason={!row.contactShared ? t.letter.notAgreed : row.companyEmail === null ? t.letter.noSupplierEmail : undefined}
                />
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
