import type { Case } from '../../db/schema';
import type { NeedCategory } from '../../db/schema/vocabulary';
import { type SupplierSearch, supplierSearchSchema } from '../suppliers/search-schema';
import { supplierSearchQueries } from '../suppliers/search';
import { planSearch } from '../suppliers/search-plan';
import { textWords } from '../suppliers/text';

// Capitalised words that say nothing about the need: sentence starts and the words of any request.
const NOT_A_NEED = new Set([
  'aber',
  'aktuell',
  'ausfall',
  'als',
  'anfrage',
  'anbieter',
  'auch',
  'auf',
  'aufgrund',
  'aus',
  'bedarf',
  'bei',
  'betrieb',
  'bis',
  'bitte',
  'da',
  'danke',
  'das',
  'dem',
  'den',
  'der',
  'derzeit',
  'des',
  'die',
  'dienstleister',
  'dies',
  'diese',
  'dringend',
  'durch',
  'ein',
  'eine',
  'einen',
  'engpass',
  'ersatz',
  'er',
  'es',
  'euro',
  'fa',
  'firma',
  'forschungsprojekt',
  'für',
  'gesucht',
  'gmbh',
  'grüße',
  'guten',
  'hallo',
  'hersteller',
  'hilfe',
  'ich',
  'ihr',
  'ihre',
  'im',
  'in',
  'industriepartner',
  'jahr',
  'jahre',
  'kunden',
  'leider',
  'lieferant',
  'lieferanten',
  'lieferkette',
  'lieferung',
  'lieferungen',
  'menge',
  'mengen',
  'mit',
  'mitarbeiter',
  'mitarbeitende',
  'mitarbeitenden',
  'monat',
  'monate',
  'monaten',
  'nach',
  'partner',
  'problem',
  'projekt',
  'quelle',
  'region',
  'sie',
  'so',
  'stück',
  'suche',
  'suchen',
  'tag',
  'tage',
  'tagen',
  'thüringen',
  'um',
  'und',
  'umstellung',
  'uns',
  'unser',
  'unsere',
  'unseren',
  'unternehmen',
  'unterstützung',
  'von',
  'vor',
  'wegen',
  'wir',
  'woche',
  'wochen',
  'zeit',
  'zu',
  'zum',
  'zur',
]);

/** What to search for when the description names nothing the database knows. */
const CATEGORY_TERMS: Record<NeedCategory, string | undefined> = {
  raw_materials: 'Rohstoffe',
  goods: undefined,
  capacity: 'Lohnfertigung',
  services: 'Dienstleistungen',
  cooperation: 'Forschung',
  other: undefined,
};

/**
 * Candidate key terms of a German need text, in order: nouns (capitalised, as German writes
 * them) and product codes (FFP2), without the words every request uses.
 */
export function keyTerms(description: string): string[] {
  const seen = new Set<string>();
  return textWords(description).filter((word) => {
    const key = word.toLocaleLowerCase('de');
    const isNoun = /^\p{Lu}/u.test(word) && word.length >= 4;
    const isCode = /\p{L}/u.test(word) && /\p{N}/u.test(word) && word.length >= 3;
    if (!(isNoun || isCode) || NOT_A_NEED.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const CANDIDATE_RADIUS_KM = 50;
const MAX_TERMS = 3;
/** A term is kept in the conjunction only while at least this many candidates remain. */
const MIN_CANDIDATES = 3;
/** Terms matching more than this share of all companies are too general to narrow anything. */
const GENERAL_SHARE = 0.25;
/** A lead term matching more than this share is narrowed by the others. */
const BROAD_SHARE = 0.05;

/** Where distances from a case are measured: its geocoded point, else its postal code. */
export function caseNear(c: Pick<Case, 'latitude' | 'longitude' | 'postalCode'>): string {
  return c.latitude !== null && c.longitude !== null ? `${c.latitude},${c.longitude}` : c.postalCode;
}

/**
 * How many companies a search finds (its count statement only: no ranking, no page). Every
 * word required: the combinations below are tried for how far they narrow.
 */
async function countMatches(params: Partial<SupplierSearch>): Promise<number> {
  const search = supplierSearchSchema.parse(params);
  const { count } = supplierSearchQueries(search, await planSearch(search, 'staff', { relax: false }));
  const [row] = await count;
  return Number(row?.n ?? 0);
}

/**
 * The supplier search a case starts with: key terms of its need text (each known to the
 * database, general ones left out, combined while enough candidates remain), the category's
 * term when the text yields none, and distances from the requester's location.
 * Costs a count per term and per combination tried: a few milliseconds each.
 */
export async function candidateSearch(
  c: Pick<Case, 'description' | 'category' | 'latitude' | 'longitude' | 'postalCode'>,
): Promise<Partial<SupplierSearch>> {
  const near = caseNear(c);
  const terms = keyTerms(c.description).slice(0, 8);
  const [all, ...single] = await Promise.all([countMatches({}), ...terms.map((q) => countMatches({ q }))]);
  const counts = new Map(terms.map((term, i) => [term, single[i]!]));
  const matching = terms.filter((term) => counts.get(term)! > 0);
  const specific = matching.filter((term) => counts.get(term)! <= all * GENERAL_SHARE);
  const useful = specific.length > 0 ? specific : matching;
  // The need comes first in a request ("FFP2-Masken nach EN 149 und Desinfektionsmittel für
  // unsere Pflegeheime"): the first term with enough candidates leads. Only a broad lead is
  // narrowed by the others, most selective first; two needs of one request stay apart.
  const lead = useful.find((term) => counts.get(term)! >= MIN_CANDIDATES) ?? useful[0];
  const chosen = lead ? [lead] : [];
  if (lead && counts.get(lead)! > all * BROAD_SHARE) {
    for (const term of useful.filter((t) => t !== lead).sort((a, b) => counts.get(a)! - counts.get(b)!)) {
      if (chosen.length === MAX_TERMS) break;
      if ((await countMatches({ q: [...chosen, term].join(' ') })) >= MIN_CANDIDATES) chosen.push(term);
    }
  }
  const q = chosen.length > 0 ? chosen.join(' ') : CATEGORY_TERMS[c.category];
  // Nothing within the usual radius: all of Thuringia, nearest first.
  const nearby = await countMatches({ q, near, radius_km: CANDIDATE_RADIUS_KM });
  return { q, near, radius_km: nearby > 0 ? CANDIDATE_RADIUS_KM : undefined };
}
