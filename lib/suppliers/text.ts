/**
 * Folds German text for trigram matching: lower case, umlauts and ß spelled out, so that
 * "Maße", "Masse" and "MASSE" meet, and "Ärzte" matches "Aerzte".
 */
export function fold(text: string): string {
  return text
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

// Longest first, so "Masken" loses "en" rather than just "n".
const SUFFIXES = ['ungen', 'innen', 'en', 'er', 'es', 'n', 'e', 's'];

/**
 * A crude German stem of a folded word, for finding it inside compounds: "masken" and
 * "maske" both become "mask", which "atemschutzmasken" contains.
 */
export function stem(folded: string): string {
  for (const suffix of SUFFIXES) {
    if (folded.endsWith(suffix) && folded.length - suffix.length >= 4) return folded.slice(0, -suffix.length);
  }
  return folded;
}

/** Words of a text: letters, digits and inner hyphens (FFP2, Mund-Nasen-Schutz). */
export function textWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The words of a search query that count (at most eight). */
export function queryWords(query: string): string[] {
  return textWords(query).slice(0, 8);
}
