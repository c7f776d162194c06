import type { CompanyKind } from '../../db/schema/vocabulary';
import type { CompanyInput } from '../suppliers/schema';
import { INDUSTRY_PROFILES, type IndustryProfile, type ProfileSector } from './company-profiles';
import { createRandom, type SeedPlace } from './generate-cases';

/**
 * Realistic, deterministic demo companies and institutes in Thuringia (`npm start` in demo
 * mode, `npm run seed -- --companies 100000`). Pure: the same count, places, seed and options
 * give the same companies, whatever order the places come in.
 */

export interface GenerateCompaniesOptions {
  /** Number of the first external id: 1 gives `DEMO-000001`. */
  firstNumber?: number;
}

/** Thuringia's bounding box (union of the districts in db/reference/thueringen_kreise.csv). */
export const THURINGIA_BBOX = { minLat: 50.20423, maxLat: 51.65026, minLon: 9.87912, maxLon: 12.65268 } as const;

export const DEMO_ID_PREFIX = 'DEMO-';

/** `DEMO-000042`; more digits once the numbers need them. */
export function demoExternalId(n: number): string {
  return `${DEMO_ID_PREFIX}${String(n).padStart(6, '0')}`;
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Index into `cumulative` (running sums of weights) for a uniform draw. */
function pickCumulative(random: Random, cumulative: readonly number[]): number {
  const r = random() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function runningSums(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** `count` distinct items in random order (all of them if there are fewer). */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}

/** At most `max` characters, cut at a hyphen where possible. */
function truncateSlug(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return hyphen >= max / 2 ? cut.slice(0, hyphen) : cut.replace(/-$/, '');
}

/** Adjectives that open capability phrases; inside a sentence they are written in lower case. */
const LEADING_ADJECTIVE =
  /^(?:Alkoholfreies|Antimikrobielle|Biotechnologische|Chirurgische|Elektromedizinische|Elektronische|Industrielle|Keramische|Konfektionierte|Laserbasierte|Mechanische|Medizintechnische|Mikrobiologische|Optische|Optisches|Orthopädische|Pflanzliche|Pharmazeutische|Sicherheitstechnische|Sterile|Technische|Technisches|Temperaturgeführte) /;

function inSentence(phrase: string): string {
  return LEADING_ADJECTIVE.test(phrase) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

function listing(input: readonly string[]): string {
  // Phrases with their own "und" go last: "Hallenbau, Stahlbau und Geländer und Treppen".
  const items = [...input.filter((i) => !i.includes(' und ')), ...input.filter((i) => i.includes(' und '))];
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' und ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Share of generated organisations per town, spread over the town's postal codes; every other
 * place counts 1. About half of all companies sit in these towns, most in Erfurt and Jena.
 */
const TOWN_WEIGHTS: Readonly<Record<string, number>> = {
  Erfurt: 240,
  Jena: 150,
  Gera: 90,
  Weimar: 70,
  Gotha: 45,
  Eisenach: 45,
  Nordhausen: 40,
  Ilmenau: 40,
  Suhl: 35,
  Mühlhausen: 25,
  'Mühlhausen/Thüringen': 5,
  Altenburg: 28,
  Arnstadt: 28,
  'Saalfeld/Saale': 22,
  Sonneberg: 22,
  Meiningen: 20,
  Rudolstadt: 20,
  Apolda: 18,
  Sömmerda: 18,
  Schmalkalden: 18,
  Greiz: 15,
  Pößneck: 15,
  'Bad Salzungen': 15,
  'Heilbad Heiligenstadt': 15,
  Sondershausen: 15,
  Hildburghausen: 12,
  'Zella-Mehlis': 12,
  Leinefelde: 12,
  Hermsdorf: 12,
  'Bad Langensalza': 12,
  Eisenberg: 10,
  Zeulenroda: 10,
  Schleiz: 8,
  Schmölln: 8,
  Kahla: 8,
  Ruhla: 8,
  Lauscha: 8,
  Waltershausen: 8,
  Ohrdruf: 6,
  Stadtroda: 6,
  Meuselwitz: 6,
  Kölleda: 6,
  Ronneburg: 5,
  'Bad Berka': 5,
  Triptis: 5,
  Steinach: 5,
  'Bad Frankenhausen': 5,
  Artern: 5,
  Schleusingen: 5,
};

/** Adjectives of towns ("Jenaer Feinoptik"); name patterns with {Orter} are used only for these. */
const TOWN_ADJECTIVES: Readonly<Record<string, string>> = {
  Erfurt: 'Erfurter',
  Jena: 'Jenaer',
  Gera: 'Geraer',
  Weimar: 'Weimarer',
  Gotha: 'Gothaer',
  Eisenach: 'Eisenacher',
  Nordhausen: 'Nordhäuser',
  Ilmenau: 'Ilmenauer',
  Suhl: 'Suhler',
  Mühlhausen: 'Mühlhäuser',
  'Mühlhausen/Thüringen': 'Mühlhäuser',
  Altenburg: 'Altenburger',
  Arnstadt: 'Arnstädter',
  'Saalfeld/Saale': 'Saalfelder',
  Sonneberg: 'Sonneberger',
  Meiningen: 'Meininger',
  Rudolstadt: 'Rudolstädter',
  Apolda: 'Apoldaer',
  Sömmerda: 'Sömmerdaer',
  Schmalkalden: 'Schmalkalder',
  Greiz: 'Greizer',
  Pößneck: 'Pößnecker',
  'Bad Salzungen': 'Salzunger',
  'Heilbad Heiligenstadt': 'Heiligenstädter',
  Sondershausen: 'Sondershäuser',
  Hildburghausen: 'Hildburghäuser',
  'Zella-Mehlis': 'Zella-Mehliser',
  Leinefelde: 'Leinefelder',
  Hermsdorf: 'Hermsdorfer',
  'Bad Langensalza': 'Langensalzaer',
  Eisenberg: 'Eisenberger',
  Zeulenroda: 'Zeulenrodaer',
  Schleiz: 'Schleizer',
  Schmölln: 'Schmöllner',
  Kahla: 'Kahlaer',
  Ruhla: 'Ruhlaer',
  Lauscha: 'Lauschaer',
  Waltershausen: 'Waltershäuser',
  Ohrdruf: 'Ohrdrufer',
  Meuselwitz: 'Meuselwitzer',
  Ronneburg: 'Ronneburger',
  Triptis: 'Triptiser',
  Steinach: 'Steinacher',
  Schleusingen: 'Schleusinger',
  Artern: 'Arterner',
  Kölleda: 'Kölledaer',
};

/** Telephone area codes of the bigger towns; elsewhere a plausible Thuringian 036xx code. */
const AREA_CODES: Readonly<Record<string, string>> = {
  Erfurt: '0361',
  Jena: '03641',
  Gera: '0365',
  Weimar: '03643',
  Gotha: '03621',
  Eisenach: '03691',
  Nordhausen: '03631',
  Ilmenau: '03677',
  Suhl: '03681',
  Mühlhausen: '03601',
  Altenburg: '03447',
  Arnstadt: '03628',
  Sonneberg: '03675',
  Meiningen: '03693',
  Rudolstadt: '03672',
  Apolda: '03644',
  Sömmerda: '03634',
  Schmalkalden: '03683',
  Greiz: '03661',
};

/**
 * Landscape words for names, per district key. "Thüringer|Thüringen": the first form goes in
 * front ("Thüringer Solar GmbH"), the second after a noun ("Netzwerk Medizintechnik Thüringen").
 */
const REGIONS: Readonly<Record<string, readonly string[]>> = {
  '16051': ['Thüringer Becken'],
  '16052': ['Ostthüringer|Ostthüringen', 'Elstertal'],
  '16053': ['Saaletal', 'Saale'],
  '16054': ['Südthüringer|Südthüringen', 'Rennsteig', 'Thüringer Wald'],
  '16055': ['Ilmtal'],
  '16061': ['Eichsfeld', 'Eichsfelder|Eichsfeld'],
  '16062': ['Nordthüringer|Nordthüringen', 'Südharz'],
  '16063': ['Wartburg', 'Werratal', 'Westthüringer|Westthüringen', 'Rhön'],
  '16064': ['Unstrut', 'Hainich', 'Nordthüringer|Nordthüringen'],
  '16065': ['Kyffhäuser', 'Nordthüringer|Nordthüringen'],
  '16066': ['Werratal', 'Rhön', 'Südthüringer|Südthüringen', 'Rennsteig'],
  '16067': ['Thüringer Wald', 'Hörseltal'],
  '16068': ['Unstrut', 'Thüringer Becken'],
  '16069': ['Südthüringer|Südthüringen', 'Werratal', 'Thüringer Wald'],
  '16070': ['Ilmtal', 'Thüringer Wald', 'Rennsteig'],
  '16071': ['Ilmtal', 'Weimarer Land'],
  '16072': ['Südthüringer|Südthüringen', 'Thüringer Wald', 'Rennsteig'],
  '16073': ['Schwarzatal', 'Saaletal', 'Thüringer Wald'],
  '16074': ['Holzland', 'Saale-Holzland', 'Saaletal'],
  '16075': ['Orlatal', 'Saale-Orla', 'Oberland'],
  '16076': ['Vogtland', 'Elstertal', 'Ostthüringer|Ostthüringen'],
  '16077': ['Altenburger Land', 'Pleißental', 'Ostthüringer|Ostthüringen'],
};
const STATE_REGION = 'Thüringer|Thüringen';

/** A landscape word near the place; `leading` for the front of a name. */
function regionFor(random: Random, districtKey: string, leading: boolean): string {
  const local = REGIONS[districtKey] ?? [];
  const [front, back = front] = (random() < 0.35 || local.length === 0 ? STATE_REGION : pick(random, local)).split('|') as [
    string,
    string?,
  ];
  return leading ? front : back;
}
const FAMILY_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Braun',
  'Hofmann',
  'Zimmermann',
  'Krüger',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
  'Köhler',
  'Herrmann',
  'Walter',
  'König',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Möller',
  'Scholz',
  'Jung',
  'Weiß',
  'Hahn',
  'Vogel',
  'Friedrich',
  'Keller',
  'Günther',
  'Frank',
  'Berger',
  'Winkler',
  'Roth',
  'Beck',
  'Lorenz',
  'Baumann',
  'Franke',
  'Albrecht',
  'Ludwig',
  'Winter',
  'Kraus',
  'Martin',
  'Schumacher',
  'Böhm',
  'Kühn',
  'Pohl',
  'Engel',
  'Horn',
  'Busch',
  'Bergmann',
  'Thomas',
  'Voigt',
  'Sauer',
  'Arnold',
  'Wolff',
  'Pfeiffer',
  'Seifert',
  'Heinze',
  'Dietrich',
  'Kirchner',
  'Götze',
  'Opitz',
  'Eckardt',
  'Hartung',
  'Kämpfe',
  'Trautmann',
  'Fröbel',
  'Rödiger',
  'Heyder',
  'Möbius',
  'Döring',
  'Schellenberg',
  'Büchner',
  'Triebel',
  'Bärwolf',
  'Hörselmann',
  'Knauf',
  'Stötzer',
  'Leffler',
  'Wiegand',
  'Rudolph',
  'Gräser',
  'Ziegenhals',
  'Brückner',
  'Wetzel',
  'Apel',
  'Reinhardt',
  'Steinbrück',
  'Ortlepp',
  'Schilling',
  'Zeitschel',
  'Luthardt',
  'Kersten',
  'Ullrich',
  'Greiner',
  'Eichhorn',
  'Machold',
];
const FIRST_NAMES = [
  'Andreas',
  'Anja',
  'Annett',
  'Birgit',
  'Carsten',
  'Christian',
  'Claudia',
  'Daniel',
  'Doreen',
  'Dirk',
  'Elke',
  'Falk',
  'Frank',
  'Franziska',
  'Heike',
  'Holger',
  'Ines',
  'Jana',
  'Jens',
  'Julia',
  'Kai',
  'Karin',
  'Katrin',
  'Kerstin',
  'Lars',
  'Lena',
  'Maik',
  'Manuela',
  'Marco',
  'Martin',
  'Matthias',
  'Nadine',
  'Nicole',
  'Paul',
  'Peggy',
  'René',
  'Ronny',
  'Sabine',
  'Sandra',
  'Silke',
  'Stefan',
  'Steffen',
  'Susann',
  'Sven',
  'Thomas',
  'Tobias',
  'Torsten',
  'Ulrike',
  'Uwe',
  'Yvonne',
];
const STREETS = [
  'Industriestraße',
  'Gewerbestraße',
  'Am Gewerbepark',
  'Hauptstraße',
  'Bahnhofstraße',
  'Lindenstraße',
  'Gartenstraße',
  'Mühlweg',
  'Ahornweg',
  'Im Gewerbegebiet',
  'Schulstraße',
  'Erfurter Straße',
  'Am Anger',
  'Ringstraße',
  'Wiesenstraße',
  'Feldstraße',
  'Zum Gewerbegebiet',
  'Handwerkerstraße',
  'Technologiepark',
  'Am Bahnhof',
  'Weimarische Straße',
  'Geraer Straße',
  'Robert-Koch-Straße',
  'Goethestraße',
  'Schillerstraße',
  'Friedrich-Ebert-Straße',
  'Werkstraße',
  'An der Saale',
  'Unterm Berg',
  'Hinter den Gärten',
  'Naumburger Straße',
  'Am Steinbruch',
  'Mittelhäuser Straße',
];
/** General legal form mix (weights by repetition). */
const LEGAL_FORMS = [
  'GmbH',
  'GmbH',
  'GmbH',
  'GmbH',
  'GmbH',
  'GmbH & Co. KG',
  'GmbH & Co. KG',
  'AG',
  'e. K.',
  'UG (haftungsbeschränkt)',
  'KG',
  'OHG',
];
const LEGAL_SUFFIX = /\s(?:GmbH & Co\. KG|GmbH|AG|e\. K\.|UG \(haftungsbeschränkt\)|KG|OHG|e\. V\.)$/;

const SIZE_RANGES: Record<'micro' | 'small' | 'medium' | 'large', [number, number]> = {
  micro: [1, 9],
  small: [10, 49],
  medium: [50, 249],
  large: [250, 2_400],
};
const DEFAULT_SIZES = [32, 42, 22, 4] as const;

const number = new Intl.NumberFormat('de-DE');

const INTROS: Record<CompanyKind, readonly ((c: DescriptionContext) => string | null)[]> = {
  company: [
    (c) => (c.employees !== undefined && c.employees < 50 ? `Inhabergeführtes Unternehmen aus ${c.place}, gegründet ${c.founded}.` : null),
    (c) =>
      c.employees !== undefined && c.employees >= 5
        ? `Gegründet ${c.founded}, heute ${number.format(c.employees)} Beschäftigte am Standort ${c.place}.`
        : null,
    (c) => `Seit ${c.founded} am Standort ${c.place} tätig.`,
    (c) => (c.founded < 1990 ? `Familientradition seit ${c.founded}, ansässig in ${c.place}.` : null),
    (c) =>
      c.employees !== undefined && c.employees >= 250
        ? `Mit rund ${number.format(c.employees)} Beschäftigten einer der größeren Arbeitgeber in ${c.place}.`
        : null,
    (c) =>
      c.employees !== undefined && c.employees >= 50 && c.employees < 250
        ? `Mittelständisches Unternehmen aus ${c.place} mit ${number.format(c.employees)} Mitarbeiterinnen und Mitarbeitern.`
        : null,
  ],
  research: [
    (c) => `Außeruniversitäre Forschungseinrichtung in ${c.place}, gegründet ${c.founded}.`,
    (c) => `Anwendungsnahe Forschung und Entwicklung am Standort ${c.place} seit ${c.founded}.`,
    (c) =>
      c.employees !== undefined && c.employees >= 10
        ? `Rund ${number.format(c.employees)} Wissenschaftlerinnen, Wissenschaftler und technische Beschäftigte in ${c.place}.`
        : null,
  ],
  network: [
    (c) => `Seit ${c.founded} vernetzt der Verein Unternehmen, Hochschulen und Forschungseinrichtungen in Thüringen.`,
    (c) => `Der Verein mit Sitz in ${c.place} bündelt die Interessen von rund ${number.format(c.members)} Mitgliedern.`,
  ],
};
const CLOSINGS: Record<CompanyKind | 'service', readonly string[]> = {
  service: [
    'Kurzfristige Termine nach Absprache.',
    'Einsätze in ganz Thüringen.',
    'Wir freuen uns über Anfragen aus der Region.',
    'Rahmenverträge für Stammkunden.',
    '',
    '',
  ],
  company: [
    'Kurzfristige Lieferung in ganz Thüringen möglich.',
    'Freie Kapazitäten auf Anfrage.',
    'Auch Kleinmengen und Musterteile.',
    'Lieferung deutschlandweit und ins europäische Ausland.',
    'Wir freuen uns über Anfragen aus der Region.',
    'Rahmenverträge und Lagerhaltung für Stammkunden.',
    '',
    '',
  ],
  research: [
    'Kooperationsprojekte mit kleinen und mittleren Unternehmen sind ausdrücklich erwünscht.',
    'Förderprojekte (z. B. ZIM) begleiten wir von der Antragstellung an.',
    'Labore und Technika stehen auch für Auftragsarbeiten zur Verfügung.',
    '',
  ],
  network: ['Die Mitgliedschaft steht Unternehmen aller Größen offen.', 'Ansprechpartner für Kooperationen in der Region.', ''],
};
const CERT_SENTENCES = [
  (certs: string) => `Zertifiziert nach ${certs}.`,
  (certs: string) => `Zertifizierungen: ${certs}.`,
  (certs: string) => `Nachweise: ${certs}.`,
];

interface DescriptionContext {
  place: string;
  founded: number;
  employees: number | undefined;
  members: number;
}

interface PlaceTable {
  places: SeedPlace[];
  cumulative: number[];
  /** Rows of the towns in TOWN_WEIGHTS (all rows if none is among the places), with their weights. */
  townRows: number[];
  townCumulative: number[];
  /** Rows per town name, for the towns industries cluster in. */
  byTown: Map<string, number[]>;
}

function placeTable(input: readonly SeedPlace[]): PlaceTable {
  // Code-unit order, independent of the ICU version's collation.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const places = [...input].sort(
    (a, b) => compare(a.postalCode, b.postalCode) || compare(a.place, b.place) || a.latitude - b.latitude || a.longitude - b.longitude,
  );
  const byTown = new Map<string, number[]>();
  for (const [i, p] of places.entries()) byTown.set(p.place, [...(byTown.get(p.place) ?? []), i]);
  const weights = places.map((p) => {
    const town = TOWN_WEIGHTS[p.place];
    return town === undefined ? 1 : town / byTown.get(p.place)!.length;
  });
  let townRows = places.flatMap((p, i) => (TOWN_WEIGHTS[p.place] === undefined ? [] : [i]));
  if (townRows.length === 0) townRows = places.map((_, i) => i);
  return {
    places,
    cumulative: runningSums(weights),
    byTown,
    townRows,
    townCumulative: runningSums(townRows.map((i) => weights[i]!)),
  };
}

/** Short town name for names and descriptions: "Saalfeld/Saale" → "Saalfeld". */
function shortPlace(place: string): string {
  return place
    .replace(/\/.*$/, '')
    .replace(/\s*\(.*\)$/, '')
    .trim();
}

function fillName(pattern: string, values: Record<string, string>): string {
  return pattern
    .replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function jitter(random: Random, place: SeedPlace): { latitude: number; longitude: number } {
  // Up to 3 km from the place's centre, uniformly over the disc.
  const radiusKm = 3 * Math.sqrt(random());
  const angle = random() * 2 * Math.PI;
  const lat = place.latitude + (radiusKm * Math.cos(angle)) / 111.2;
  const lon = place.longitude + (radiusKm * Math.sin(angle)) / (111.2 * Math.cos((place.latitude * Math.PI) / 180));
  const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
  return {
    latitude: Math.round(clamp(lat, THURINGIA_BBOX.minLat, THURINGIA_BBOX.maxLat) * 1e5) / 1e5,
    longitude: Math.round(clamp(lon, THURINGIA_BBOX.minLon, THURINGIA_BBOX.maxLon) * 1e5) / 1e5,
  };
}

function employeesFor(random: Random, profile: IndustryProfile): number {
  const [micro, small, medium, large] = profile.sizes ?? DEFAULT_SIZES;
  const size = (['micro', 'small', 'medium', 'large'] as const)[pickCumulative(random, runningSums([micro, small, medium, large]))]!;
  // Institutes are rarely larger than a few hundred staff.
  const [min, max] = profile.kind === 'research' && size === 'large' ? [250, 600] : SIZE_RANGES[size];
  // Smaller head counts are more common within each class, very large employers rare.
  return min + Math.floor(random() ** (size === 'large' ? 2.5 : 1.5) * (max - min + 1));
}

function chooseSectors(random: Random, profile: IndustryProfile): ProfileSector[] {
  const [primary, ...rest] = profile.sectors;
  const extra = Math.min(rest.length, pickCumulative(random, [50, 85, 100]));
  return [primary!, ...sample(random, rest, extra)];
}

function chooseCapabilities(random: Random, sectors: readonly ProfileSector[]): string[] {
  // Every chosen code is backed by at least one capability, the primary by more.
  const chosen = new Set<string>();
  for (const [i, s] of sectors.entries()) {
    for (const c of sample(random, s.capabilities, i === 0 ? between(random, 2, 4) : between(random, 1, 2))) chosen.add(c);
  }
  const pool = sectors.flatMap((s) => s.capabilities).filter((c) => !chosen.has(c));
  const target = between(random, 3, 7);
  for (const c of sample(random, pool, Math.max(0, target - chosen.size))) chosen.add(c);
  return [...chosen];
}

function chooseCertifications(random: Random, profile: IndustryProfile, employees: number): string[] {
  const factor = employees < 10 ? 0.4 : employees < 50 ? 0.8 : 1.2;
  const odds = [0.55, 0.35, 0.25, 0.15, 0.1, 0.1];
  return profile.certifications.filter((_, i) => random() < odds[Math.min(i, odds.length - 1)]! * factor).slice(0, 4);
}

function personName(random: Random, kind: CompanyKind): string {
  const title =
    kind === 'research' ? pick(random, ['Dr. ', 'Dr. ', 'Prof. Dr. ', '']) : random() < 0.12 ? 'Dr. ' : random() < 0.1 ? 'Dipl.-Ing. ' : '';
  return `${title}${pick(random, FIRST_NAMES)} ${pick(random, FAMILY_NAMES)}`;
}

function phoneFor(random: Random, place: string): string {
  const area = AREA_CODES[shortPlace(place)] ?? `036${between(random, 20, 99)}`;
  return `${area} ${between(random, 2, 9)}${String(between(random, 0, 99_999)).padStart(5, '0')}`;
}

/**
 * `count` companies, research institutes and networks located at `places` (all rows of
 * `postal_places` or db/reference/thueringen_plz_orte_geonames.csv), with external ids
 * `DEMO-000001`… (from `options.firstNumber`).
 */
export function generateCompanies(
  count: number,
  places: readonly SeedPlace[],
  seed = 42,
  options: GenerateCompaniesOptions = {},
): CompanyInput[] {
  if (places.length === 0) throw new Error('generateCompanies: no places (is postal_places loaded?)');
  const random = createRandom(seed);
  const table = placeTable(places);
  const profileSums = runningSums(INDUSTRY_PROFILES.map((p) => p.weight));
  const firstNumber = options.firstNumber ?? 1;
  const takenNames = new Set<string>();
  const takenDomains = new Set<string>();
  const companies: CompanyInput[] = [];

  for (let i = 0; i < count; i++) {
    const profile = INDUSTRY_PROFILES[pickCumulative(random, profileSums)]!;
    const employees = random() < 0.04 ? undefined : employeesFor(random, profile);
    const towns = (profile.towns ?? []).filter((t) => table.byTown.has(t));
    // Institutes, networks and large employers sit in towns, not villages.
    const urban = profile.kind !== 'company' || (employees ?? 0) >= 250;
    const place =
      towns.length > 0 && random() < 0.5
        ? table.places[pick(random, table.byTown.get(pick(random, towns))!)]!
        : urban
          ? table.places[table.townRows[pickCumulative(random, table.townCumulative)]!]!
          : table.places[pickCumulative(random, table.cumulative)]!;
    const town = shortPlace(place.place);

    // Name: unique per name and postal code, the key importers match existing companies on.
    let name = '';
    for (let attempt = 0; ; attempt++) {
      const withAdjective = profile.names.filter((p) => !p.includes('{Orter}') || TOWN_ADJECTIVES[place.place]);
      const patterns = withAdjective.length > 0 ? withAdjective : profile.names.map((p) => p.replace('{Orter}', '{Ort}'));
      const family = pick(random, FAMILY_NAMES);
      let family2 = pick(random, FAMILY_NAMES);
      if (family2 === family) family2 = FAMILY_NAMES[(FAMILY_NAMES.indexOf(family) + 1) % FAMILY_NAMES.length]!;
      const pattern = pick(random, patterns);
      name = fillName(pattern, {
        Ort: town,
        Orter: TOWN_ADJECTIVES[place.place] ?? '',
        Familie: family,
        Familie2: family2,
        Region: regionFor(random, place.districtKey, pattern.startsWith('{Region}')),
        RF: pick(random, profile.legalForms ?? LEGAL_FORMS),
      });
      if (attempt >= 8 && takenNames.has(`${name.toLowerCase()}|${place.postalCode}`)) {
        const base = name.replace(LEGAL_SUFFIX, '');
        name = `${base} Werk ${attempt - 6}${name.slice(base.length)}`;
      }
      if (!takenNames.has(`${name.toLowerCase()}|${place.postalCode}`)) break;
    }
    takenNames.add(`${name.toLowerCase()}|${place.postalCode}`);

    const sectors = chooseSectors(random, profile);
    const capabilities = chooseCapabilities(random, sectors);
    const certifications = chooseCertifications(random, profile, employees ?? 20);
    const founded = profile.tradition && random() < 0.2 ? between(random, 1862, 1959) : between(random, 1990, 2021);

    const context: DescriptionContext = { place: town, founded, employees, members: between(random, 25, 240) };
    const intros = INTROS[profile.kind].map((f) => f(context)).filter((s): s is string => s !== null);
    const sentences = [
      pick(random, intros),
      pick(random, profile.descriptions)
        .replace('{leistungen}', listing(sample(random, capabilities, Math.min(3, capabilities.length)).map(inSentence)))
        .replace('{ort}', town),
      certifications.length > 0 ? pick(random, CERT_SENTENCES)(listing(certifications)) : '',
      pick(random, CLOSINGS[profile.kind === 'company' && profile.services ? 'service' : profile.kind]),
    ];

    // Invented addresses under the reserved top-level domain .example (RFC 2606), never real ones.
    const base = truncateSlug(slug(name.replace(LEGAL_SUFFIX, '')), 40);
    let domain = base;
    if (takenDomains.has(domain)) domain = truncateSlug(`${base}-${slug(town)}`, 56);
    if (takenDomains.has(domain)) domain = `${base}-${firstNumber + i}`;
    takenDomains.add(domain);
    const online = profile.kind === 'company' ? 0.8 : 0.97;

    companies.push({
      externalId: demoExternalId(firstNumber + i),
      name,
      kind: profile.kind,
      street: `${pick(random, STREETS)} ${between(random, 1, 120)}${random() < 0.1 ? pick(random, ['a', 'b', 'c']) : ''}`,
      postalCode: place.postalCode,
      city: place.place,
      ...jitter(random, place),
      website: random() < online ? `https://www.${domain}.example` : undefined,
      email:
        random() < online + 0.05
          ? `${pick(random, profile.kind === 'company' ? ['info', 'kontakt', 'vertrieb', 'anfrage'] : ['info', 'kontakt', 'transfer'])}@${domain}.example`
          : undefined,
      phone: random() < 0.7 ? phoneFor(random, place.place) : undefined,
      contactPerson: random() < (profile.kind === 'company' ? 0.45 : 0.7) ? personName(random, profile.kind) : undefined,
      sectors: sectors.map((s) => s.code),
      capabilities,
      certifications,
      employees,
      description: sentences.filter(Boolean).join(' '),
      publicListing: random() < 0.7,
      source: 'demo',
    });
  }
  return companies;
}
