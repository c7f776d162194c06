import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import type { IntroductionRow } from '@/lib/introductions/queries';
import { OutcomeBadge } from './outcome-badge';

const t = messages.introductions;

/** A company's introductions, newest first, with the case and what came of it. */
export function CompanyIntroductions({ rows }: { rows: IntroductionRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t.company.none}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {rows.map((row) => (
        <li key={row.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
          <Link href={`/cases/${row.caseId}#vermittlungen`} className="font-mono text-brand-700 underline underline-offset-4">
            {row.reference}
          </Link>
          <span className="font-medium">{row.organisation}</span>
          <span className="text-slate-600">
            {formatDate(row.introducedOn)} · {t.channels[row.channel]} · {row.introducedBy}
          </span>
          <OutcomeBadge outcome={row.outcome} agreementKind={row.agreementKind} source={row.outcomeSource} />
        </li>
      ))}
    </ul>
  );
}
