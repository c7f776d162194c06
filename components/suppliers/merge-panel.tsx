import Link from 'next/link';
import { messages } from '@/lib/i18n';
import type { MergeCounts, MergePreview } from '@/lib/suppliers/merge';
import { Alert } from '../ui/alert';
import { inputClass } from '../ui/field';
import { type MergeCompany, MergeButton } from './entry-actions';

const t = messages.entries;

interface Candidate {
  id: number;
  name: string;
  postalCode: string;
  city: string;
}

/**
 * "Dublette zusammenführen": pick the duplicate by number or from similar names (a GET form, so
 * the preview is a plain page), see what moves, then confirm.
 */
export function MergePanel({
  keep,
  candidates,
  chosen,
  preview,
  merge,
}: {
  keep: { id: number; version: number };
  candidates: Candidate[];
  chosen: number | undefined;
  preview: MergePreview | undefined;
  merge: MergeCompany;
}) {
  const refusal = chosen === keep.id ? t.mergeSelf : chosen !== undefined && !preview ? t.mergeNotFound : undefined;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">{t.mergeIntro}</p>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <label className="block font-medium">
          {t.mergeOther}
          <input
            name="merge"
            inputMode="numeric"
            pattern="\d+"
            defaultValue={chosen ?? ''}
            required
            className={`${inputClass.replace('py-2.5', 'py-2')} mt-1 w-36`}
          />
        </label>
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100"
        >
          {t.mergePreview}
        </button>
      </form>
      {candidates.length > 0 && (
        <div>
          <h3 className="font-medium">{t.mergeCandidates}</h3>
          <ul className="mt-1 space-y-1">
            {candidates.map((c) => (
              <li key={c.id}>
                <Link href={`/suppliers/${keep.id}?merge=${c.id}#merge`} className="text-brand-700 underline underline-offset-4">
                  {c.name}
                </Link>{' '}
                <span className="text-slate-600">
                  (Nr. {c.id}, {c.postalCode} {c.city})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {refusal && <Alert tone="error">{refusal}</Alert>}
      {preview && !refusal && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="font-medium">{t.mergeMoves(preview.name, preview.id)}</p>
          <ul className="grid grid-cols-2 gap-x-3">
            {(Object.keys(t.mergeCounts) as (keyof MergeCounts)[]).map((key) => (
              <li key={key}>
                {t.mergeCounts[key]}: <span className="font-semibold tabular-nums">{preview.counts[key]}</span>
              </li>
            ))}
          </ul>
          <MergeButton
            input={{ keepId: keep.id, keepVersion: keep.version, removeId: preview.id, removeVersion: preview.version }}
            name={preview.name}
            merge={merge}
          />
        </div>
      )}
    </div>
  );
}
