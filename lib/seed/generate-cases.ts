import type { NewCase } from '../../db/schema';
import { firstResponseDue } from '../cases/first-response';
import { isClosed } from '../cases/lifecycle';
import type { CasePriority, CaseStatus, NeedCategory, OrganisationKind, Urgency } from '../cases/vocabulary';
import { CONSENT_VERSION } from '../intake/consent';
import { formatReference, referenceYear } from '../intake/reference';
import { DAY_MS as DAY } from '../time';

/**
 * Realistic, deterministic synthetic cases for load tests and large demos (`npm run seed:cases`,
 * `npm run bench`). Pure functions: the same seed, clock and inputs give the same cases.
 */

export interface SeedPlace {
  postalCode: string;
  place: string;
  districtKey: string;
  latitude: number;
  longitude: number;
}

export interface GenerateCasesOptions {
  count: number;
  /** Seed of the pseudo-random generator. */
  seed: number;
  /** Cases are spread over the 365 days before this moment. */
  now: Date;
  /** Where requesters are; usually all rows of `postal_places`. */
  places: readonly SeedPlace[];
  /** Staff members cases get assigned to; may be empty (then all cases are unassigned). */
  assigneeIds: readonly number[];
  /** Last reference number already used per year (from `reference_counters`). */
  lastNumbers?: Readonly<Record<number, number>>;
}

/** A case row ready to insert, minus the database's id. */
export type GeneratedCase = NewCase & { reference: string; createdAt: Date };

export interface GeneratedCases {
  cases: GeneratedCase[];
  /** Last reference number per year after these cases, for `reference_counters`. */
  lastNumbers: Record<number, number>;
}

const HOUR = 3_600_000;

/** mulberry32: small, fast and good enough for test data. Returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T extends string>(random: Random, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const FIRST_NAMES = [
  'Anja',
  'Andreas',
  'Birgit',
  'Christian',
  'Claudia',
  'Daniel',
  'Doreen',
  'Frank',
  'Heike',
  'Jens',
  'Julia',
  'Karin',
  'Katrin',
  'Lars',
  'Lena',
  'Maik',
  'Manuela',
  'Martin',
  'Nadine',
  'Paul',
  'Peggy',
  'René',
  'Sabine',
  'Sandra',
  'Steffen',
  'Susann',
  'Thomas',
  'Tobias',
  'Uwe',
  'Yvonne',
];
const LAST_NAMES = [
  'Baumgärtel',
  'Böttcher',
  'Dietzel',
  'Eckardt',
  'Fischer',
  'Förster',
  'Franke',
  'Götze',
  'Großmann',
  'Hartung',
  'Heinze',
  'Hoffmann',
  'Jahn',
  'Kirchner',
  'Klöpfel',
  'Krause',
  'Kühn',
  'Lehmann',
  'Löffler',
  'Müller',
  'Opitz',
  'Pfeifer',
  'Reuß',
  'Richter',
  'Römer',
  'Schädlich',
  'Schmidt',
  'Schubert',
  'Seifert',
  'Strüber',
  'Thiele',
  'Voigt',
  'Wagner',
  'Weißenborn',
  'Wolf',
  'Zöllner',
];
const REGION_WORDS = [
  'Thüringer',
  'Mitteldeutsche',
  'Saale',
  'Ilmtal',
  'Werratal',
  'Rennsteig',
  'Wartburg',
  'Kyffhäuser',
  'Eichsfelder',
  'Orlatal',
  'Unstrut',
  'Schwarzatal',
  'Holzland',
  'Hainich',
];
const TRADES = [
  'Metallbau',
  'Feinmechanik',
  'Kunststofftechnik',
  'Pflegedienst',
  'Brauerei',
  'Bäckerei',
  'Textilveredlung',
  'Elektrotechnik',
  'Feinoptik',
  'Logistik',
  'Holzverarbeitung',
  'Glaswerk',
  'Druckerei',
  'Landtechnik',
  'Medizintechnik',
  'Fleischwaren',
  'Sensorik',
  'Verpackungen',
  'Möbelwerkstätten',
  'Porzellanmanufaktur',
  'Automobilzulieferer',
  'Präzisionsteile',
  'Solartechnik',
];
const LEGAL_FORMS = ['GmbH', 'GmbH', 'GmbH', 'GmbH & Co. KG', 'AG', 'e. K.', 'UG (haftungsbeschränkt)', 'KG'];
const RESEARCH = [
  (p: string) => `Hochschule ${p} – Fakultät Maschinenbau`,
  (p: string) => `Institut für Werkstofftechnik ${p} e. V.`,
  (p: string) => `Forschungszentrum Mikrosystemtechnik ${p}`,
  (p: string) => `Fraunhofer-Projektgruppe ${p}`,
];
const OTHER_ORGS = [
  (p: string) => `Stadtverwaltung ${p}`,
  (p: string) => `Kreisverband ${p} des Roten Kreuzes`,
  (p: string) => `Gewerbeverein ${p} e. V.`,
  (p: string) => `Kirchgemeinde ${p}`,
];

const NEEDS: Record<NeedCategory, readonly string[]> = {
  goods: [
    'FFP2-Masken nach EN 149',
    'OP-Masken (Typ IIR)',
    'Händedesinfektionsmittel',
    'Einweghandschuhe aus Nitril',
    'Schutzkittel',
    'Kabelbäume für Sitzverstellungen',
    'bestückte Leiterplatten',
    'Versandkartons',
    'Glasflaschen (0,33 l, braun)',
    'Edelstahlschrauben M8',
    'Gesichtsvisiere',
    'Europaletten',
  ],
  raw_materials: [
    'Roggenmehl Type 1150',
    'Aluminiumbleche (3 mm)',
    'Polypropylen-Granulat',
    'Ethanol 96 %',
    'Meltblown-Vlies für Masken',
    'Kupferlackdraht',
    'Spezialkarton 310 g/m²',
    'Isopropanol',
  ],
  capacity: [
    'CNC-Fräsen von Aluminiumgehäusen',
    'Laserschneiden von Edelstahlblechen bis 8 mm',
    'Spritzguss von Kleinteilen',
    'Abfüllung von Desinfektionsmitteln',
    'Konfektionierung von Masken',
    'Pulverbeschichtung von Stahlteilen',
    'Lagerfläche für 500 Palettenplätze',
  ],
  services: [
    'Prüfung von Mund-Nasen-Masken nach EN 14683',
    'Kühltransporte innerhalb Thüringens',
    'IT-Ausstattung für Homeoffice-Arbeitsplätze',
    'Desinfektion von Produktionsräumen',
    'Übersetzung technischer Dokumentation ins Englische',
    'Kalibrierung von Messmitteln',
  ],
  cooperation: [
    'einen Industriepartner für ein Forschungsprojekt zu recycelbaren Kunststoffen',
    'einen Partner zur Entwicklung wiederverwendbarer Masken',
    'einen Kooperationspartner für Wasserstoffspeicher',
    'eine Forschungseinrichtung für Materialprüfungen',
  ],
  other: [
    'Unterstützung bei der Umstellung unserer Lieferkette auf europäische Anbieter',
    'Kontakte zu regionalen Logistikunternehmen',
    'Hinweise auf Förderprogramme für Ersatzinvestitionen',
  ],
};
const REASONS = [
  'Unser bisheriger Lieferant ist ausgefallen.',
  'Die Lieferkette aus Fernost ist unterbrochen.',
  'Der Lieferant kann frühestens in vier Monaten liefern.',
  'Die Nachfrage hat sich kurzfristig verdoppelt.',
  'Unser Lieferant hat Insolvenz angemeldet.',
  'Die eigene Anlage fällt für mehrere Wochen aus.',
];
const EXTRAS = [
  'Gern von einem Anbieter aus Thüringen.',
  'Eine Spezifikation liegt vor und kann geschickt werden.',
  'Ein Rahmenvertrag über zwölf Monate ist möglich.',
  'Bitte melden Sie sich telefonisch.',
  '',
];
const URGENT_WORDS: Record<Urgency, string> = {
  immediately: 'dringend',
  within_weeks: 'in den nächsten Wochen',
  flexible: 'mittelfristig',
};
const SECTORS = ['10', '13', '20', '22', '25', '26', '27', '28', '29', '32', '46', '71', '72'];
const TAGS = ['Masken', 'Desinfektion', 'Lieferkette', 'Förderung', 'Export', 'Rückruf'];
const CLOSE_REASONS: Partial<Record<CaseStatus, readonly string[]>> = {
  rejected: ['Kein passender Anbieter in Thüringen gefunden.', 'Anfrage liegt außerhalb unseres Auftrags.'],
  duplicate: ['Doppelt eingereicht.'],
  spam: ['Werbung', 'Kein echtes Anliegen'],
};

const germanNumber = new Intl.NumberFormat('de-DE');

function organisationName(random: Random, kind: OrganisationKind, place: string, lastName: string): string {
  if (kind === 'research') return pick(random, RESEARCH)(place);
  if (kind === 'other') return pick(random, OTHER_ORGS)(place);
  const form = pick(random, LEGAL_FORMS);
  switch (between(random, 0, 2)) {
    case 0:
      return `${pick(random, REGION_WORDS)} ${pick(random, TRADES)} ${form}`;
    case 1:
      return `${pick(random, TRADES)} ${lastName} ${form}`;
    default:
      return `${pick(random, TRADES)} ${place} ${form}`;
  }
}

function description(random: Random, category: NeedCategory, urgency: Urgency, city: string): string {
  const need = pick(random, NEEDS[category]);
  const extra = pick(random, EXTRAS);
  const when = URGENT_WORDS[urgency];
  let text: string;
  switch (category) {
    case 'goods':
    case 'raw_materials': {
      const quantity = between(random, 2, 400) * (random() < 0.5 ? 10 : 100);
      const unit = category === 'goods' ? 'Stück' : pick(random, ['kg', 'Liter', 'Tonnen']);
      text = `Wir benötigen ${when} ${germanNumber.format(quantity)} ${unit} ${need}. ${pick(random, REASONS)}`;
      break;
    }
    case 'capacity':
      text = `Gesucht wird ${when} Kapazität für ${need}. ${pick(random, REASONS)} Fertigung oder Lieferung nach ${city}.`;
      break;
    case 'services':
      text = `Wir suchen ${when} einen Dienstleister für ${need}. ${pick(random, REASONS)}`;
      break;
    case 'cooperation':
      text = `Wir suchen ${when} ${need}, möglichst in der Nähe von ${city}.`;
      break;
    case 'other':
      text = `Wir bitten ${when} um ${need}.`;
      break;
  }
  return extra ? `${text} ${extra}` : text;
}

/** Share of cases still open, by age: nearly all of today's, a few percent of old ones. */
function openProbability(ageDays: number): number {
  return 0.04 + 0.9 * Math.exp(-ageDays / 14);
}

function openStatus(random: Random, ageDays: number): CaseStatus {
  const newShare = ageDays < 1 ? 0.7 : ageDays < 3 ? 0.3 : 0.04;
  if (random() < newShare) return 'new';
  return weighted(random, { in_triage: 20, searching: 40, introduced: 22, waiting_feedback: 18 });
}

const PRIORITY_BY_URGENCY: Record<Urgency, Record<CasePriority, number>> = {
  immediately: { urgent: 15, high: 30, normal: 50, low: 5 },
  within_weeks: { urgent: 3, high: 15, normal: 65, low: 17 },
  flexible: { urgent: 1, high: 5, normal: 60, low: 34 },
};

/** Submission moments over the year before `now`: working days and office hours favoured. */
function submissionTimes(random: Random, count: number, now: Date): Date[] {
  const end = now.getTime();
  const times: number[] = [];
  while (times.length < count) {
    const t = end - random() * 365 * DAY;
    const local = new Date(t);
    const weekday = local.getUTCDay();
    const hour = local.getUTCHours();
    if ((weekday === 0 || weekday === 6) && random() < 0.8) continue;
    if ((hour < 6 || hour > 18) && random() < 0.7) continue;
    times.push(Math.floor(t));
  }
  return times.sort((a, b) => a - b).map((t) => new Date(t));
}

/** referenceYear() builds a formatter per call; only New Year's Eve needs the time zone. */
function yearOf(d: Date): number {
  return d.getUTCMonth() === 11 && d.getUTCDate() === 31 ? referenceYear(d) : d.getUTCFullYear();
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * `count` cases submitted over the 365 days before `now`, oldest first. References continue
 * `lastNumbers` gap-free per year, in order of submission.
 */
export function generateCases(options: GenerateCasesOptions): GeneratedCases {
  const { count, now, places, assigneeIds } = options;
  if (places.length === 0) throw new Error('generateCases: no places (is postal_places loaded?)');
  const random = createRandom(options.seed);
  const lastNumbers: Record<number, number> = { ...options.lastNumbers };
  const nowMs = now.getTime();
  const rows: GeneratedCase[] = [];

  for (const createdAt of submissionTimes(random, count, now)) {
    const year = yearOf(createdAt);
    const number = (lastNumbers[year] ?? 0) + 1;
    lastNumbers[year] = number;
    const ageDays = (nowMs - createdAt.getTime()) / DAY;

    const place = pick(random, places);
    const kind = weighted<OrganisationKind>(random, { company: 85, research: 9, other: 6 });
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const organisation = organisationName(random, kind, place.place, lastName);
    const category = weighted<NeedCategory>(random, {
      goods: 35,
      raw_materials: 18,
      capacity: 15,
      services: 12,
      cooperation: 10,
      other: 10,
    });
    const urgency = weighted<Urgency>(random, { immediately: 30, within_weeks: 50, flexible: 20 });
    const priority = weighted(random, PRIORITY_BY_URGENCY[urgency]);

    const status: CaseStatus =
      random() < openProbability(ageDays)
        ? openStatus(random, ageDays)
        : weighted(random, { resolved: 70, rejected: 12, duplicate: 8, spam: 10 });
    const closed = isClosed(status);
    const isNew = status === 'new';

    // Staff respond within hours, sometimes only after the deadline; never in the future.
    const firstRespondedAt = isNew ? null : new Date(Math.min(nowMs, createdAt.getTime() + (0.5 + random() * random() * 40) * HOUR));
    const lastChange = isNew
      ? createdAt
      : new Date(Math.min(nowMs, firstRespondedAt!.getTime() + random() * (closed ? 30 : Math.min(ageDays, 20)) * DAY));

    let assigneeId: number | null = null;
    if (!isNew && assigneeIds.length > 0) {
      const share = status === 'in_triage' || status === 'spam' ? 0.5 : 0.95;
      // The first colleagues carry more of the load than the last.
      if (random() < share) assigneeId = assigneeIds[Math.floor(random() ** 1.5 * assigneeIds.length)]!;
    }

    const neededBy = random() < 0.3 ? isoDate(new Date(createdAt.getTime() + between(random, 7, 90) * DAY)) : null;
    const reasons = CLOSE_REASONS[status];
    rows.push({
      reference: formatReference(year, number),
      status,
      organisation,
      organisationKind: kind,
      contactName: `${firstName} ${lastName}`,
      email: `${slug(firstName)}.${slug(lastName)}@${slug(organisation).slice(0, 30)}.example`,
      phone: random() < 0.6 ? `0${between(random, 3601, 3699)} ${between(random, 100_000, 9_999_999)}` : null,
      postalCode: place.postalCode,
      city: place.place,
      districtKey: place.districtKey,
      latitude: place.latitude,
      longitude: place.longitude,
      category,
      description: description(random, category, urgency, place.place),
      urgency,
      neededBy,
      sector: random() < 0.4 ? pick(random, SECTORS) : null,
      consentVersion: CONSENT_VERSION,
      consentedAt: createdAt,
      priority,
      assigneeId,
      dueDate: !closed && !isNew && random() < 0.3 ? isoDate(new Date(nowMs + between(random, -5, 30) * DAY)) : null,
      tags: !isNew && random() < 0.15 ? [pick(random, TAGS)] : [],
      closeReason: reasons ? pick(random, reasons) : null,
      firstResponseDueAt: firstResponseDue(createdAt, 1),
      firstRespondedAt,
      version: isNew ? 1 : between(random, 2, closed ? 7 : 4),
      createdAt,
      updatedAt: lastChange,
    });
  }
  return { cases: rows, lastNumbers };
}
