import { markTerms } from '@/lib/suppliers/mark';

/** Text with the search terms in <mark>; rendered as text, never as HTML. */
export function MarkedText({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {markTerms(text, terms).map((segment, i) =>
        segment.hit ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
