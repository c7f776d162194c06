import Link from 'next/link';
import { messages } from '@/lib/i18n';
import type { SupplierResults } from '@/lib/suppliers/search';
import { searchHref, type SearchState } from '@/lib/suppliers/search-url';

const t = messages.suppliers;

/**
 * Above the results: that not every word matched together, or, when no word matched at all,
 * similar known words and the nearest sectors as links to search instead.
 */
export function SearchNotice({ path, state, results }: { path: string; state: SearchState; results: SupplierResults }) {
  if (results.relaxed) {
    return (
      <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
        {t.relaxedNotice}
      </p>
    );
  }
  const suggestions = results.suggestions;
  if (!suggestions || (suggestions.words.length === 0 && suggestions.sectors.length === 0)) return null;
  const link = 'text-brand-700 underline underline-offset-4';
  return (
    <div role="note" className="space-y-1 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm text-slate-800">
      {suggestions.words.length > 0 && (
        <p>
          {t.suggestedWords}{' '}
          {suggestions.words.map((word, i) => (
            <span key={word}>
              {i > 0 && ', '}
              <Link href={searchHref(path, state, { q: word })} className={link}>
                {word}
              </Link>
            </span>
          ))}
        </p>
      )}
      {suggestions.sectors.length > 0 && (
        <p>
          {t.suggestedSectors}{' '}
          {suggestions.sectors.map((sector, i) => (
            <span key={sector.code}>
              {i > 0 && ', '}
              <Link href={searchHref(path, state, { q: undefined, sector: sector.code })} className={link}>
                {sector.code} {sector.title}
              </Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
