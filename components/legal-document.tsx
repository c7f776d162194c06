import type { LegalBlock } from '@/lib/privacy/legal-text';
import { PageTitle } from '@/components/ui/page-title';

/** An operator-supplied legal text (imprint, privacy policy), rendered as text, never as HTML. */
export function LegalDocument({ title, blocks, footnote }: { title: string; blocks: LegalBlock[]; footnote?: string }) {
  return (
    <article className="space-y-4 break-words">
      <PageTitle>{title}</PageTitle>
      {blocks.map((block, i) =>
        block.kind === 'heading' ? (
          <h2 key={i} className="pt-2 text-lg font-semibold text-slate-900">
            {block.text}
          </h2>
        ) : (
          <p key={i} className="whitespace-pre-line leading-relaxed text-slate-800">
            {block.text}
          </p>
        ),
      )}
      {footnote && <p className="text-sm text-slate-600">{footnote}</p>}
    </article>
  );
}
