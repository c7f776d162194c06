import type { CompanyKind } from '../../db/schema/vocabulary';

/**
 * Industry profiles for generated demo companies (lib/seed/generate-companies.ts), modelled on
 * Thuringia's economy: optics and photonics around Jena, plastics in the south, automotive
 * suppliers around Eisenach, glass in Lauscha, toys in Sonneberg, textiles around Gera.
 *
 * Consistency rules (checked by tests/unit/generate-companies.test.ts):
 * - every code is a WZ 2008 class (four digits, e.g. "32.50") listed in db/reference/wz2008_komplett.csv;
 * - every capability belongs to exactly the code it is listed under, so a generated company
 *   only names capabilities of the WZ codes it has;
 * - names are invented: no real company, institute or network name, no trademarks.
 *
 * Name placeholders: {Ort} place, {Orter} its adjective ("Jenaer"; patterns with it are only
 * used for towns with a known form), {Familie}/{Familie2} family names, {Region} a landscape
 * word ("Saaletal"), {RF} a legal form. Description placeholders: {leistungen} a list of the
 * company's capabilities, {ort} its place.
 */

export interface ProfileSector {
  /** WZ 2008 class code. */
  code: string;
  /** German capability and product phrases for this code. */
  capabilities: readonly string[];
}

export interface IndustryProfile {
  key: string;
  /** German label, for logs and tests. */
  label: string;
  kind: CompanyKind;
  /** Relative share of generated organisations. */
  weight: number;
  /** The first is every company's primary code; up to two of the others are added. */
  sectors: readonly ProfileSector[];
  /** Plausible certificates; earlier ones are more common. */
  certifications: readonly string[];
  names: readonly string[];
  /** Sentences about what the company does; `{leistungen}` is its capabilities. */
  descriptions: readonly string[];
  /** Legal forms for `{RF}`; the general mix when absent. */
  legalForms?: readonly string[];
  /** Towns this industry clusters in; half of its companies sit in one of them. */
  towns?: readonly string[];
  /** Weights of the size classes micro, small, medium, large. */
  sizes?: readonly [number, number, number, number];
  /** Sells services rather than goods (closing sentences of the description). */
  services?: boolean;
  /** An old trade: some companies were founded long before 1990; otherwise all after. */
  tradition?: boolean;
}

const RESEARCH_FORMS = ['e. V.', 'e. V.', ''] as const;
const NETWORK_FORMS = ['e. V.'] as const;

export const INDUSTRY_PROFILES: readonly IndustryProfile[] = [
  {
    key: 'optics',
    tradition: true,
    label: 'Optik und Feinoptik',
    kind: 'company',
    weight: 5,
    sectors: [
      {
        code: '26.70',
        capabilities: [
          'Präzisionsoptik',
          'Optische Linsen und Prismen',
          'Asphären',
          'Optikfertigung nach Zeichnung',
          'Objektive für die Bildverarbeitung',
          'Optische Beschichtungen',
          'Mikroskopkomponenten',
          'Optikmontage im Reinraum',
        ],
      },
      { code: '33.13', capabilities: ['Reparatur optischer Geräte', 'Justage optischer Systeme'] },
      { code: '23.19', capabilities: ['Optisches Glas', 'Glasbearbeitung für die Optik'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001', 'DIN EN 9100', 'ISO 13485'],
    names: [
      '{Orter} Feinoptik {RF}',
      'Optik {Familie} {RF}',
      '{Region} Präzisionsoptik {RF}',
      'Feinoptik {Ort} {RF}',
      '{Familie} Optische Systeme {RF}',
      '{Familie} & {Familie2} Optikfertigung {RF}',
    ],
    descriptions: [
      'Unser Angebot für Kunden aus Medizintechnik, Messtechnik und Forschung: {leistungen}.',
      'Unser Team bietet {leistungen} – vom Einzelstück bis zur Serie.',
      'Schwerpunkte sind {leistungen}; Toleranzen im Mikrometerbereich gehören zum Alltag.',
    ],
    towns: ['Jena', 'Erfurt', 'Weimar', 'Ilmenau', 'Gera', 'Hermsdorf'],
    sizes: [20, 40, 30, 10],
  },
  {
    key: 'photonics',
    label: 'Photonik und Lasertechnik',
    kind: 'company',
    weight: 3,
    sectors: [
      {
        code: '27.90',
        capabilities: ['Lasersysteme für die Materialbearbeitung', 'Faserlaser', 'Ultrakurzpulslaser', 'Laserstrahlquellen'],
      },
      { code: '26.70', capabilities: ['Strahlführungsoptiken', 'Optische Baugruppen', 'Laserschutzfenster'] },
      { code: '26.51', capabilities: ['Laserbasierte Messtechnik', 'Spektrometer'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001'],
    names: [
      'Lasertechnik {Ort} {RF}',
      '{Region} Photonics {RF}',
      '{Familie} Lasersysteme {RF}',
      '{Orter} Lasertechnik {RF}',
      '{Familie} Photonik {RF}',
    ],
    descriptions: [
      'Wir entwickeln und bauen {leistungen} für Industrie und Forschung.',
      'Unser Angebot umfasst {leistungen}, einschließlich Applikationsberatung und Service.',
    ],
    towns: ['Jena', 'Erfurt', 'Ilmenau', 'Weimar'],
    sizes: [15, 45, 30, 10],
  },
  {
    key: 'medtech',
    label: 'Medizintechnik',
    kind: 'company',
    weight: 4,
    sectors: [
      {
        code: '32.50',
        capabilities: [
          'Medizinprodukte nach Kundenspezifikation',
          'Chirurgische Instrumente',
          'Orthopädische Hilfsmittel',
          'Dentalprodukte',
          'Sterilverpackung von Medizinprodukten',
          'Implantatkomponenten',
        ],
      },
      { code: '26.60', capabilities: ['Elektromedizinische Geräte', 'Patientenmonitore', 'Beatmungsgeräte', 'Ultraschallgeräte'] },
      { code: '33.13', capabilities: ['Wartung medizintechnischer Geräte', 'Sicherheitstechnische Kontrollen'] },
    ],
    certifications: ['ISO 13485', 'ISO 9001', 'ISO 14001'],
    names: [
      '{Orter} Medizintechnik {RF}',
      'Medizintechnik {Familie} {RF}',
      '{Region} Medizinprodukte {RF}',
      '{Familie} Medizingeräte {RF}',
      'Medizintechnik {Ort} {RF}',
    ],
    descriptions: [
      'Für Kliniken, Praxen und Pflegeeinrichtungen bieten wir {leistungen}.',
      'Als Hersteller nach Medizinprodukterecht bieten wir {leistungen} – von der Entwicklung bis zur Zulassung.',
    ],
    towns: ['Jena', 'Erfurt', 'Suhl', 'Gera', 'Ilmenau'],
  },
  {
    key: 'ppe',
    label: 'Schutzausrüstung und Masken',
    kind: 'company',
    weight: 3,
    sectors: [
      {
        code: '32.50',
        capabilities: ['Atemschutzmasken FFP2', 'Atemschutzmasken FFP3', 'OP-Masken', 'Mund-Nasen-Schutz Typ IIR', 'Gesichtsvisiere'],
      },
      { code: '14.19', capabilities: ['Schutzkittel', 'Einweg-Schutzanzüge', 'Konfektionierung von Masken'] },
      { code: '22.19', capabilities: ['Einweghandschuhe aus Nitril', 'Untersuchungshandschuhe'] },
      { code: '13.95', capabilities: ['Meltblown-Vlies', 'Filtervliese für Atemschutz'] },
    ],
    certifications: ['EN 149', 'EN 14683', 'ISO 13485', 'ISO 9001', 'EN 455', 'EN 14126'],
    names: [
      '{Region} Schutzausrüstung {RF}',
      '{Orter} Atemschutz {RF}',
      'Hygieneprodukte {Familie} {RF}',
      '{Familie} Schutztextilien {RF}',
      'PSA-Fertigung {Ort} {RF}',
      '{Region} Medical Protect {RF}',
    ],
    descriptions: [
      'Aus Thüringen, mit kurzen Lieferwegen für Pflege, Kliniken und Industrie: {leistungen}.',
      'Unsere eigenen Produktionslinien stehen für {leistungen}; Großmengen sind kurzfristig lieferbar.',
      'Unser Sortiment: {leistungen}, geprüft und mit vollständiger Konformitätsdokumentation.',
    ],
    sizes: [15, 45, 32, 8],
  },
  {
    key: 'disinfection',
    label: 'Desinfektions- und Reinigungsmittel',
    kind: 'company',
    weight: 3,
    sectors: [
      {
        code: '20.20',
        capabilities: [
          'Händedesinfektionsmittel',
          'Flächendesinfektion',
          'Instrumentendesinfektion',
          'Desinfektionsmittel nach Biozidverordnung',
        ],
      },
      { code: '20.41', capabilities: ['Reinigungsmittel für Industrie und Gewerbe', 'Flüssigseifen', 'Reinigungskonzentrate'] },
      { code: '20.59', capabilities: ['Lohnabfüllung chemischer Produkte', 'Abfüllung in Kanister und Spenderflaschen'] },
    ],
    certifications: ['ISO 9001', 'DIN EN 1500', 'EN 14476', 'ISO 14001', 'ISO 22716'],
    names: [
      '{Region} Hygienechemie {RF}',
      '{Orter} Desinfektionsmittelwerk {RF}',
      'Chemie {Familie} {RF}',
      '{Familie} Hygieneprodukte {RF}',
      'Hygienechemie {Ort} {RF}',
    ],
    descriptions: [
      'Unser Programm: {leistungen} – in Gebinden vom Spender bis zum IBC.',
      'Unser Schwerpunkt sind {leistungen} für Kliniken, Pflege, Lebensmittelbetriebe und Industrie.',
    ],
    sizes: [20, 45, 28, 7],
  },
  {
    key: 'chemistry',
    tradition: true,
    label: 'Spezialchemie',
    kind: 'company',
    weight: 2,
    sectors: [
      { code: '20.59', capabilities: ['Spezialchemikalien', 'Laborchemikalien', 'Lohnmischen von Chemikalien'] },
      { code: '20.14', capabilities: ['Technisches Ethanol', 'Isopropanol', 'Lösungsmittel'] },
      { code: '20.30', capabilities: ['Industrielacke', 'Beschichtungsstoffe', 'Druckfarben'] },
      { code: '20.52', capabilities: ['Industrieklebstoffe', 'Dichtstoffe'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001', 'ISO 50001'],
    names: ['{Orter} Chemiewerk {RF}', 'Chemie {Familie} {RF}', '{Region} Spezialchemie {RF}', '{Familie} Lacke und Klebstoffe {RF}'],
    descriptions: [
      'Wir bieten {leistungen} nach Standardrezeptur oder Kundenvorgabe.',
      'Zu unserem Programm gehören {leistungen}, lieferbar vom Kanister bis zum Tankzug.',
    ],
    towns: ['Rudolstadt', 'Bad Köstritz', 'Erfurt', 'Jena', 'Nordhausen', 'Schwarza'],
    sizes: [10, 45, 35, 10],
  },
  {
    key: 'pharma',
    tradition: true,
    label: 'Pharmazie',
    kind: 'company',
    weight: 1,
    sectors: [
      {
        code: '21.20',
        capabilities: ['Arzneimittel in Lohnherstellung', 'Tabletten und Kapseln', 'Sterile Lösungen', 'Salben und Cremes'],
      },
      { code: '21.10', capabilities: ['Pharmazeutische Wirkstoffe', 'Pflanzliche Extrakte'] },
    ],
    certifications: ['GMP', 'ISO 9001', 'ISO 14001'],
    names: ['{Orter} Arzneimittelwerk {RF}', '{Region} Pharma {RF}', 'Pharmazeutische Fabrik {Familie} {RF}'],
    descriptions: [
      'Wir entwickeln und produzieren {leistungen} unter GMP-Bedingungen.',
      'Für Arzneimittelhersteller in ganz Europa bieten wir {leistungen}.',
    ],
    towns: ['Jena', 'Erfurt', 'Weimar', 'Gera', 'Rudolstadt'],
    sizes: [5, 30, 45, 20],
  },
  {
    key: 'plastics',
    label: 'Kunststoffverarbeitung',
    kind: 'company',
    weight: 5,
    sectors: [
      {
        code: '22.29',
        capabilities: [
          'Kunststoffspritzguss',
          'Spritzgussteile aus Polypropylen',
          'Zwei-Komponenten-Spritzguss',
          'Technische Kunststoffteile',
          'Baugruppenmontage Kunststoff',
          '3D-Druck von Kunststoffteilen',
        ],
      },
      { code: '22.21', capabilities: ['Kunststoffprofile', 'Extrusion von Kunststoffschläuchen', 'Kunststoffplatten'] },
      { code: '25.73', capabilities: ['Werkzeugbau für Spritzgießwerkzeuge', 'Formenbau'] },
    ],
    certifications: ['ISO 9001', 'IATF 16949', 'ISO 14001', 'ISO 13485', 'ISO 50001'],
    names: [
      '{Orter} Kunststofftechnik {RF}',
      'Kunststoffverarbeitung {Familie} {RF}',
      '{Region} Plast {RF}',
      '{Familie} Spritzguss {RF}',
      '{Familie} & Söhne Kunststoffwerk {RF}',
      'Kunststoffwerk {Ort} {RF}',
    ],
    descriptions: [
      'Wir bieten {leistungen} – von der Konstruktion über den Werkzeugbau bis zur Serienfertigung.',
      'Mit modernen Spritzgießmaschinen und eigenem Werkzeugbau bieten wir {leistungen} für Automobil-, Medizin- und Konsumgüterindustrie.',
      'Unser Leistungsspektrum: {leistungen}; Losgrößen von 500 bis mehreren Millionen Teilen.',
    ],
    towns: ['Schmalkalden', 'Rudolstadt', 'Sonneberg', 'Hildburghausen', 'Ilmenau', 'Suhl', 'Eisenberg', 'Meiningen'],
    sizes: [10, 45, 35, 10],
  },
  {
    key: 'plastic-packaging',
    label: 'Kunststoffverpackungen',
    kind: 'company',
    weight: 2,
    sectors: [
      {
        code: '22.22',
        capabilities: [
          'Kunststoffverpackungen',
          'Kunststoffflaschen',
          'Blisterverpackungen',
          'Tiefziehverpackungen',
          'Spenderflaschen aus Kunststoff',
        ],
      },
      { code: '22.21', capabilities: ['Verpackungsfolien', 'Schrumpffolien'] },
    ],
    certifications: ['ISO 9001', 'ISO 15378', 'BRCGS Packaging', 'ISO 14001'],
    names: ['{Orter} Verpackungstechnik {RF}', '{Familie} Kunststoffverpackungen {RF}', '{Region} Pack {RF}', 'Folienwerk {Ort} {RF}'],
    descriptions: [
      'Wir produzieren {leistungen} für Lebensmittel, Kosmetik, Chemie und Pharmazie.',
      'Unser Programm umfasst {leistungen}, auf Wunsch bedruckt und mit Kundenlogo.',
    ],
    sizes: [10, 45, 35, 10],
  },
  {
    key: 'machining',
    tradition: true,
    label: 'Zerspanung und CNC-Fertigung',
    kind: 'company',
    weight: 7,
    sectors: [
      {
        code: '25.62',
        capabilities: [
          'CNC-Fräsen',
          'CNC-Drehen',
          'Präzisionsteile nach Zeichnung',
          'Lohnfertigung Zerspanung',
          '5-Achs-Bearbeitung',
          'Aluminiumgehäuse',
        ],
      },
      { code: '25.61', capabilities: ['Pulverbeschichtung', 'Galvanik', 'Härten und Wärmebehandlung', 'Eloxieren'] },
      { code: '25.73', capabilities: ['Vorrichtungsbau', 'Schneidwerkzeuge'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001', 'IATF 16949', 'DIN EN 9100'],
    names: [
      '{Orter} Präzisionstechnik {RF}',
      'CNC-Technik {Familie} {RF}',
      'Zerspanungstechnik {Ort} {RF}',
      '{Familie} Feinmechanik {RF}',
      '{Region} Präzisionsteile {RF}',
      'Mechanische Werkstätten {Familie} {RF}',
    ],
    descriptions: [
      'Wir bieten {leistungen} in Einzel-, Klein- und Serienfertigung.',
      'Unser Leistungsspektrum: {leistungen}, mit Toleranzen bis ±0,01 mm.',
      'Als Lohnfertiger bieten wir {leistungen}, auf Wunsch mit Oberflächenbehandlung und Montage.',
    ],
    towns: ['Schmalkalden', 'Suhl', 'Zella-Mehlis', 'Gera', 'Erfurt', 'Jena', 'Gotha', 'Eisenach', 'Sömmerda'],
  },
  {
    key: 'metal',
    tradition: true,
    label: 'Metallbau und Blechbearbeitung',
    kind: 'company',
    weight: 6,
    sectors: [
      { code: '25.11', capabilities: ['Stahlbau', 'Metallkonstruktionen', 'Hallenbau', 'Geländer und Treppen'] },
      { code: '25.62', capabilities: ['Laserschneiden', 'Blechbearbeitung', 'Abkanten', 'Schweißbaugruppen'] },
      { code: '25.99', capabilities: ['Edelstahlverarbeitung', 'Metallwaren nach Kundenwunsch'] },
      { code: '25.50', capabilities: ['Stanzteile', 'Tiefziehteile'] },
    ],
    certifications: ['EN 1090', 'ISO 3834', 'ISO 9001', 'ISO 14001'],
    names: [
      '{Familie} & Söhne Metallbau',
      'Metallbau {Familie} {RF}',
      '{Orter} Stahl- und Metallbau {RF}',
      '{Region} Blechtechnik {RF}',
      'Schlosserei {Familie} {RF}',
      'Blechbearbeitung {Ort} {RF}',
    ],
    descriptions: [
      'Wir bieten {leistungen} für Industrie, Handwerk und öffentliche Auftraggeber.',
      'Vom Zuschnitt bis zur fertigen Baugruppe: {leistungen} aus einer Hand.',
      'Leistungen unserer Werkstatt: {leistungen} – auch kurzfristig und in kleinen Stückzahlen.',
    ],
    sizes: [30, 45, 20, 5],
  },
  {
    key: 'foundry',
    tradition: true,
    label: 'Gießerei',
    kind: 'company',
    weight: 1,
    sectors: [
      { code: '24.51', capabilities: ['Graugussteile', 'Sphäroguss', 'Handformguss'] },
      { code: '24.53', capabilities: ['Aluminiumdruckguss', 'Leichtmetallguss', 'Sandguss aus Aluminium'] },
      { code: '25.62', capabilities: ['Mechanische Bearbeitung von Gussteilen'] },
    ],
    certifications: ['ISO 9001', 'IATF 16949', 'ISO 14001', 'ISO 50001'],
    names: ['{Orter} Gießerei {RF}', 'Gießerei {Familie} {RF}', '{Region} Guss {RF}', 'Eisenwerk {Ort} {RF}'],
    descriptions: [
      'Unser Angebot: {leistungen} – vom Prototyp bis zur Großserie.',
      'Für Maschinenbau, Fahrzeugbau und Energietechnik bietet unsere Gießerei {leistungen}.',
    ],
    sizes: [5, 30, 45, 20],
  },
  {
    key: 'automotive',
    label: 'Automobilzulieferer',
    kind: 'company',
    weight: 5,
    sectors: [
      {
        code: '29.32',
        capabilities: [
          'Fahrzeugkomponenten',
          'Sitzstrukturen',
          'Karosserieteile',
          'Fahrwerkskomponenten',
          'Kunststoffteile für den Fahrzeuginnenraum',
        ],
      },
      { code: '29.31', capabilities: ['Kabelbäume', 'Kabelsätze für Fahrzeuge', 'Steuergeräte für Fahrzeuge', 'Fahrzeugbeleuchtung'] },
      { code: '25.50', capabilities: ['Presswerkteile', 'Kaltumformteile'] },
    ],
    certifications: ['IATF 16949', 'ISO 9001', 'ISO 14001', 'TISAX', 'ISO 50001'],
    names: [
      '{Orter} Fahrzeugkomponenten {RF}',
      'Automotive {Ort} {RF}',
      '{Region} Automotive {RF}',
      '{Familie} Fahrzeugteile {RF}',
      '{Familie} Kabelsysteme {RF}',
    ],
    descriptions: [
      'Als Zulieferer der Automobilindustrie fertigen wir {leistungen} just in time und just in sequence.',
      'Wir liefern {leistungen} an Fahrzeughersteller und Systemlieferanten in ganz Europa.',
    ],
    towns: [
      'Eisenach',
      'Gotha',
      'Arnstadt',
      'Zella-Mehlis',
      'Ohrdruf',
      'Waltershausen',
      'Nordhausen',
      'Sömmerda',
      'Erfurt',
      'Gera',
      'Schmölln',
      'Meuselwitz',
    ],
    sizes: [5, 30, 40, 25],
  },
  {
    key: 'electronics',
    label: 'Elektronik und Leiterplatten',
    kind: 'company',
    weight: 4,
    sectors: [
      {
        code: '26.12',
        capabilities: [
          'Leiterplattenbestückung',
          'SMD-Bestückung',
          'THT-Bestückung',
          'Baugruppenfertigung',
          'Elektronikfertigung im Auftrag (EMS)',
        ],
      },
      { code: '26.11', capabilities: ['Leiterplatten', 'Elektronische Bauelemente', 'Hybridschaltungen', 'Halbleiterbauelemente'] },
    ],
    certifications: ['ISO 9001', 'IPC-A-610', 'ISO 14001', 'IATF 16949', 'ISO 13485'],
    names: [
      '{Orter} Elektronik {RF}',
      'Elektronikfertigung {Familie} {RF}',
      '{Region} Electronics {RF}',
      '{Familie} Elektronik {RF}',
      'EMS {Ort} {RF}',
    ],
    descriptions: [
      'Wir bieten {leistungen} für Industrieelektronik, Medizintechnik und Automotive.',
      'Vom Prototyp bis zur Serie: {leistungen} inklusive Prüfung und Materialbeschaffung.',
    ],
    towns: ['Erfurt', 'Jena', 'Ilmenau', 'Arnstadt', 'Gera', 'Sömmerda', 'Suhl'],
  },
  {
    key: 'sensors',
    label: 'Sensorik und Messtechnik',
    kind: 'company',
    weight: 4,
    sectors: [
      {
        code: '26.51',
        capabilities: [
          'Drucksensoren',
          'Temperatursensoren',
          'Industrielle Messtechnik',
          'Prüfstände',
          'Gasmessgeräte',
          'Durchflussmessgeräte',
        ],
      },
      { code: '26.11', capabilities: ['Sensorchips', 'MEMS-Bauelemente'] },
    ],
    certifications: ['ISO 9001', 'ISO/IEC 17025', 'ISO 14001', 'ATEX'],
    names: [
      '{Orter} Sensorik {RF}',
      'Messtechnik {Familie} {RF}',
      '{Region} Sensortechnik {RF}',
      '{Familie} Mess- und Regeltechnik {RF}',
      'Sensorik {Ort} {RF}',
    ],
    descriptions: [
      'Wir entwickeln und fertigen {leistungen} für Industrie, Umwelttechnik und Forschung.',
      'Unsere Kernkompetenz: {leistungen}, auch als kundenspezifische Sonderlösung.',
    ],
    towns: ['Ilmenau', 'Jena', 'Erfurt', 'Gera', 'Suhl', 'Sömmerda'],
  },
  {
    key: 'electrical',
    label: 'Elektrotechnik und Kabel',
    kind: 'company',
    weight: 2,
    sectors: [
      { code: '27.12', capabilities: ['Schaltschränke', 'Schaltanlagenbau', 'Niederspannungsverteilungen'] },
      { code: '27.32', capabilities: ['Kabelkonfektion', 'Sonderkabel', 'Spiralkabel'] },
      { code: '27.11', capabilities: ['Transformatoren', 'Elektromotoren', 'Wickelgüter'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001', 'UL 508A'],
    names: ['{Orter} Elektrotechnik {RF}', 'Schaltanlagenbau {Familie} {RF}', '{Familie} Kabeltechnik {RF}', '{Region} Elektrobau {RF}'],
    descriptions: [
      'Für Maschinenbau, Energieversorger und Gebäudetechnik bieten wir {leistungen}.',
      'Unser Angebot umfasst {leistungen}, geprüft und dokumentiert nach geltenden Normen.',
    ],
  },
  {
    key: 'solar',
    label: 'Solar- und Energietechnik',
    kind: 'company',
    weight: 2,
    sectors: [
      {
        code: '27.90',
        capabilities: [
          'Photovoltaik-Systemtechnik',
          'Ladestationen für Elektrofahrzeuge',
          'Solarladeregler',
          'Leistungselektronik für Photovoltaik',
        ],
      },
      { code: '26.11', capabilities: ['Solarzellen', 'Solarmodule', 'Dünnschicht-Solarmodule'] },
      { code: '43.21', capabilities: ['Montage von Photovoltaikanlagen', 'Elektroinstallation'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001', 'IEC 61215', 'ISO 50001'],
    names: ['{Region} Solar {RF}', 'Solartechnik {Ort} {RF}', '{Familie} Solar- und Energietechnik {RF}', '{Orter} Photovoltaik {RF}'],
    descriptions: [
      'Wir bieten {leistungen} für Gewerbe, Kommunen und Energieversorger.',
      'Schwerpunkte: {leistungen} – aus Thüringen für ganz Deutschland.',
    ],
    towns: ['Erfurt', 'Arnstadt', 'Jena', 'Gera', 'Ilmenau', 'Sömmerda'],
  },
  {
    key: 'technical-textiles',
    tradition: true,
    label: 'Technische Textilien',
    kind: 'company',
    weight: 2,
    sectors: [
      { code: '13.96', capabilities: ['Technische Textilien', 'Filtermedien', 'Glasfasergewebe', 'Industriegewebe'] },
      { code: '13.95', capabilities: ['Vliesstoffe', 'Spinnvlies', 'Meltblown-Vlies'] },
      { code: '13.30', capabilities: ['Textilveredlung', 'Beschichtung von Textilien', 'Antimikrobielle Ausrüstung von Textilien'] },
    ],
    certifications: ['ISO 9001', 'Oeko-Tex Standard 100', 'ISO 14001'],
    names: [
      '{Orter} Textilwerke {RF}',
      'Textilveredlung {Familie} {RF}',
      '{Region} Vliesstoffe {RF}',
      '{Familie} Technische Textilien {RF}',
    ],
    descriptions: [
      'Für Filtration, Medizin, Bau und Fahrzeugbau bieten wir {leistungen}.',
      'Unsere Spezialität: {leistungen} nach Kundenspezifikation.',
    ],
    towns: ['Gera', 'Greiz', 'Zeulenroda', 'Rudolstadt', 'Pößneck', 'Apolda', 'Mühlhausen', 'Schmölln'],
  },
  {
    key: 'apparel',
    tradition: true,
    label: 'Bekleidung und Konfektion',
    kind: 'company',
    weight: 2,
    sectors: [
      { code: '14.12', capabilities: ['Berufsbekleidung', 'Arbeitsschutzkleidung', 'Kasacks für Pflege und Klinik'] },
      { code: '14.19', capabilities: ['Mund-Nasen-Bedeckungen aus Baumwolle', 'Näharbeiten in Lohnfertigung'] },
      { code: '13.92', capabilities: ['Bettwäsche für Kliniken und Hotels', 'Konfektionierte Textilwaren'] },
      { code: '14.39', capabilities: ['Strickwaren', 'Strickmützen und Schals'] },
    ],
    certifications: ['Oeko-Tex Standard 100', 'ISO 9001', 'EN ISO 13688'],
    names: [
      '{Orter} Bekleidungswerk {RF}',
      'Näherei {Familie} {RF}',
      '{Region} Textil {RF}',
      '{Familie} Berufsmoden {RF}',
      'Strickwaren {Ort} {RF}',
    ],
    descriptions: [
      'Unsere Näherei in {ort} bietet {leistungen}.',
      'Unser Programm umfasst {leistungen}, auch in kleinen Losgrößen und mit Bestickung.',
    ],
    towns: ['Apolda', 'Gera', 'Greiz', 'Zeulenroda', 'Mühlhausen', 'Pößneck'],
    sizes: [35, 45, 17, 3],
  },
  {
    key: 'mill',
    tradition: true,
    label: 'Mühle',
    kind: 'company',
    weight: 1,
    sectors: [
      {
        code: '10.61',
        capabilities: [
          'Roggenmehl Type 1150',
          'Weizenmehl Type 550',
          'Dinkelmehl',
          'Vollkornmehl',
          'Haferflocken',
          'Backmischungen',
          'Schrot und Kleie',
        ],
      },
    ],
    certifications: ['IFS Food', 'HACCP', 'Bio-Zertifizierung (EG-Öko-Verordnung)', 'ISO 22000'],
    names: ['{Orter} Mühle {RF}', 'Mühle {Familie} {RF}', '{Region} Mühlenwerke {RF}', 'Kunstmühle {Familie} {RF}'],
    descriptions: [
      'Wir vermahlen Getreide aus der Region und liefern {leistungen} an Bäckereien und Industrie.',
      'Unser Sortiment: {leistungen}, lose im Silozug oder abgesackt.',
    ],
    sizes: [30, 50, 18, 2],
  },
  {
    key: 'bakery',
    tradition: true,
    label: 'Bäckerei',
    kind: 'company',
    weight: 3,
    sectors: [
      { code: '10.71', capabilities: ['Brot und Brötchen', 'Backwaren für Großverbraucher', 'Kuchen und Feingebäck', 'Tiefkühlbackwaren'] },
      { code: '10.72', capabilities: ['Dauerbackwaren', 'Lebkuchen', 'Zwieback'] },
    ],
    certifications: ['HACCP', 'IFS Food', 'Bio-Zertifizierung (EG-Öko-Verordnung)'],
    names: [
      'Bäckerei {Familie}',
      'Bäckerei {Familie} {RF}',
      '{Orter} Landbäckerei {RF}',
      '{Familie} Backwaren {RF}',
      'Backhaus {Ort} {RF}',
    ],
    descriptions: [
      'Wir backen {leistungen} nach traditionellen Rezepten.',
      'Unsere Backstube beliefert Filialen, Kantinen und Pflegeeinrichtungen mit {leistungen}.',
    ],
    legalForms: ['GmbH', 'e. K.', 'e. K.', 'GmbH & Co. KG'],
    sizes: [40, 45, 13, 2],
  },
  {
    key: 'meat',
    tradition: true,
    label: 'Fleisch- und Wurstwaren',
    kind: 'company',
    weight: 2,
    sectors: [
      { code: '10.13', capabilities: ['Thüringer Rostbratwurst', 'Wurstwaren', 'Schinken', 'Fleischkonserven'] },
      { code: '10.11', capabilities: ['Schlachtung', 'Zerlegung'] },
    ],
    certifications: ['IFS Food', 'HACCP', 'QS'],
    names: [
      'Fleischerei {Familie} {RF}',
      '{Orter} Wurstwaren {RF}',
      '{Region} Fleisch- und Wurstwaren {RF}',
      'Landfleischerei {Familie} {RF}',
    ],
    descriptions: [
      'Unser Angebot: {leistungen} – mit Fleisch von regionalen Erzeugern.',
      'Für Handel, Gastronomie und Gemeinschaftsverpflegung bieten wir {leistungen}.',
    ],
    legalForms: ['GmbH', 'e. K.', 'GmbH & Co. KG'],
    sizes: [30, 50, 17, 3],
  },
  {
    key: 'dairy',
    tradition: true,
    label: 'Molkerei',
    kind: 'company',
    weight: 1,
    sectors: [{ code: '10.51', capabilities: ['Trinkmilch', 'Käse', 'Joghurt', 'Butter', 'Quark', 'Milchpulver'] }],
    certifications: ['IFS Food', 'HACCP', 'QS', 'Bio-Zertifizierung (EG-Öko-Verordnung)'],
    names: ['{Orter} Molkerei {RF}', 'Molkerei {Familie} {RF}', '{Region} Milchwerke {RF}', 'Käserei {Ort} {RF}'],
    descriptions: [
      'Wir verarbeiten Milch aus Thüringer Betrieben zu {leistungen}.',
      'Unser Sortiment umfasst {leistungen} für Handel und Großverbraucher.',
    ],
    sizes: [10, 45, 35, 10],
  },
  {
    key: 'brewery',
    tradition: true,
    label: 'Brauerei und Brennerei',
    kind: 'company',
    weight: 2,
    sectors: [
      { code: '11.05', capabilities: ['Bier in Flaschen und Fässern', 'Lohnbrauen', 'Alkoholfreies Bier', 'Fassbier für die Gastronomie'] },
      { code: '11.01', capabilities: ['Spirituosen', 'Kräuterlikör', 'Ethanol aus eigener Brennerei'] },
    ],
    certifications: ['IFS Food', 'HACCP', 'ISO 22000'],
    names: ['{Orter} Brauhaus {RF}', 'Brauerei {Familie} {RF}', '{Region} Brauerei {RF}', 'Privatbrauerei {Familie} {RF}'],
    descriptions: ['Aus eigener Herstellung: {leistungen}.', 'Zu unserem Angebot gehören {leistungen}; Abfüllung in eigener Anlage.'],
    sizes: [35, 45, 17, 3],
  },
  {
    key: 'beverages',
    tradition: true,
    label: 'Mineralwasser und Säfte',
    kind: 'company',
    weight: 1,
    sectors: [
      {
        code: '11.07',
        capabilities: ['Mineralwasser', 'Erfrischungsgetränke', 'Lohnabfüllung von Getränken', 'Abfüllung in PET- und Glasflaschen'],
      },
      { code: '10.32', capabilities: ['Apfelsaft', 'Fruchtsäfte', 'Direktsaft'] },
    ],
    certifications: ['IFS Food', 'HACCP', 'ISO 22000', 'Bio-Zertifizierung (EG-Öko-Verordnung)'],
    names: ['{Region} Mineralbrunnen {RF}', '{Orter} Getränkeabfüllung {RF}', '{Region} Quelle {RF}', 'Getränke {Familie} {RF}'],
    descriptions: [
      'Unser Angebot für Handel und Gastronomie: {leistungen}.',
      'Unser Sortiment: {leistungen} aus regionalen Quellen und Früchten.',
    ],
    sizes: [20, 50, 25, 5],
  },
  {
    key: 'cardboard',
    tradition: true,
    label: 'Papier- und Kartonverpackungen',
    kind: 'company',
    weight: 3,
    sectors: [
      { code: '17.21', capabilities: ['Versandkartons', 'Wellpappe', 'Faltschachteln', 'Verpackungen nach Maß', 'Kartonagen'] },
      { code: '17.12', capabilities: ['Spezialkarton', 'Graupappe'] },
      { code: '17.29', capabilities: ['Papieretiketten', 'Papierwaren für Gewerbe'] },
    ],
    certifications: ['FSC', 'PEFC', 'ISO 9001', 'ISO 14001', 'BRCGS Packaging'],
    names: ['{Orter} Kartonagen {RF}', 'Verpackungswerk {Familie} {RF}', '{Region} Wellpappe {RF}', '{Familie} Verpackungen {RF}'],
    descriptions: [
      'Wir produzieren {leistungen} für Versandhandel, Industrie und Lebensmittelhersteller.',
      'Ob Kleinserie oder Großauftrag: {leistungen}, bedruckt oder neutral.',
    ],
  },
  {
    key: 'glass',
    tradition: true,
    label: 'Glas',
    kind: 'company',
    weight: 2,
    sectors: [
      { code: '23.13', capabilities: ['Glasflaschen', 'Hohlglas', 'Glasbehälter für Lebensmittel', 'Apothekenflaschen aus Braunglas'] },
      { code: '23.19', capabilities: ['Technisches Glas', 'Laborglas', 'Glasrohre', 'Quarzglas', 'Christbaumschmuck aus Glas'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001', 'ISO 15378', 'ISO 50001'],
    names: [
      '{Orter} Glaswerk {RF}',
      'Glashütte {Ort} {RF}',
      '{Familie} Glastechnik {RF}',
      '{Region} Glas {RF}',
      'Glasbläserei {Familie} {RF}',
    ],
    descriptions: [
      'Wir fertigen {leistungen} für Getränke-, Pharma- und Laborbedarf.',
      'Glas aus Thüringen: {leistungen} in Handarbeit und maschineller Fertigung.',
    ],
    towns: ['Lauscha', 'Ilmenau', 'Jena', 'Schleusingen', 'Großbreitenbach', 'Steinach'],
    sizes: [30, 40, 22, 8],
  },
  {
    key: 'ceramics',
    tradition: true,
    label: 'Porzellan und technische Keramik',
    kind: 'company',
    weight: 1,
    sectors: [
      { code: '23.41', capabilities: ['Porzellangeschirr', 'Hotelporzellan', 'Zierporzellan'] },
      { code: '23.44', capabilities: ['Technische Keramik', 'Keramische Isolatoren', 'Keramikbauteile für die Medizintechnik'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001'],
    names: ['Porzellanmanufaktur {Ort} {RF}', '{Orter} Porzellan {RF}', '{Region} Keramik {RF}', '{Familie} Keramiktechnik {RF}'],
    descriptions: [
      'Wir fertigen {leistungen} mit langer Thüringer Porzellantradition.',
      'Unser Werk in {ort} produziert {leistungen} für Handel, Hotellerie und Industrie.',
    ],
    towns: ['Kahla', 'Rudolstadt', 'Triptis', 'Ilmenau', 'Blankenhain', 'Hermsdorf'],
  },
  {
    key: 'machinery',
    tradition: true,
    label: 'Maschinen- und Anlagenbau',
    kind: 'company',
    weight: 5,
    sectors: [
      { code: '28.99', capabilities: ['Sondermaschinenbau', 'Automatisierungsanlagen', 'Produktionsanlagen für Masken'] },
      { code: '28.41', capabilities: ['Werkzeugmaschinen', 'Fräsmaschinen', 'Schleifmaschinen'] },
      { code: '28.29', capabilities: ['Abfüllanlagen', 'Verpackungsmaschinen', 'Industrielle Filteranlagen', 'Dosiertechnik'] },
      { code: '28.22', capabilities: ['Fördertechnik', 'Krananlagen'] },
      { code: '33.12', capabilities: ['Wartung und Instandsetzung von Maschinen', 'Maschinenumzüge'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001', 'ISO 45001'],
    names: [
      '{Orter} Maschinenbau {RF}',
      'Maschinenbau {Familie} {RF}',
      '{Region} Anlagenbau {RF}',
      '{Familie} Sondermaschinen {RF}',
      '{Familie} & {Familie2} Automatisierungstechnik {RF}',
    ],
    descriptions: [
      'Für Kunden in ganz Europa bieten wir {leistungen}.',
      'Von der Idee bis zur Inbetriebnahme: {leistungen} aus einer Hand.',
    ],
    sizes: [10, 40, 38, 12],
  },
  {
    key: 'software',
    services: true,
    label: 'Software und IT-Dienstleistungen',
    kind: 'company',
    weight: 4,
    sectors: [
      {
        code: '62.01',
        capabilities: [
          'Softwareentwicklung',
          'Individualsoftware',
          'Webanwendungen',
          'App-Entwicklung',
          'ERP-Anpassung',
          'Embedded Software',
        ],
      },
      { code: '62.02', capabilities: ['IT-Beratung', 'IT-Sicherheit', 'Einrichtung von Homeoffice-Arbeitsplätzen'] },
      { code: '63.11', capabilities: ['Hosting', 'Rechenzentrumsdienste', 'Cloud-Dienste'] },
    ],
    certifications: ['ISO 27001', 'ISO 9001', 'TISAX'],
    names: [
      '{Orter} Softwarehaus {RF}',
      '{Familie} IT-Systeme {RF}',
      '{Region} Digital {RF}',
      'Datentechnik {Ort} {RF}',
      '{Familie} & {Familie2} Software {RF}',
    ],
    descriptions: [
      'Für Mittelstand und Verwaltung bieten wir {leistungen}.',
      'Unser Team bietet {leistungen} – agil, persönlich und aus der Region.',
    ],
    towns: ['Erfurt', 'Jena', 'Weimar', 'Ilmenau', 'Gera'],
    sizes: [35, 45, 17, 3],
  },
  {
    key: 'logistics',
    tradition: true,
    services: true,
    label: 'Logistik',
    kind: 'company',
    weight: 5,
    sectors: [
      {
        code: '49.41',
        capabilities: ['Lkw-Transporte', 'Stückguttransporte', 'Kühltransporte', 'Gefahrguttransporte', 'Expresslieferungen'],
      },
      { code: '52.10', capabilities: ['Lagerhaltung', 'Palettenstellplätze', 'Kommissionierung', 'Temperaturgeführte Lagerung'] },
      { code: '52.29', capabilities: ['Spedition', 'Zollabwicklung', 'Kontraktlogistik'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001', 'GDP', 'SQAS', 'IFS Logistics'],
    names: [
      '{Orter} Logistik {RF}',
      'Spedition {Familie} {RF}',
      '{Region} Transporte {RF}',
      '{Familie} Logistik {RF}',
      'Kühltransporte {Familie} {RF}',
    ],
    descriptions: [
      'Wir bieten {leistungen} in Thüringen, Deutschland und Europa.',
      'Unser Fuhrpark und unsere Lager in {ort} stehen für {leistungen}.',
    ],
    towns: ['Erfurt', 'Eisenach', 'Nordhausen', 'Gera', 'Gotha', 'Arnstadt', 'Jena', 'Sömmerda', 'Suhl', 'Meiningen'],
    sizes: [20, 45, 28, 7],
  },
  {
    key: 'testing',
    services: true,
    label: 'Prüflabor',
    kind: 'company',
    weight: 2,
    sectors: [
      {
        code: '71.20',
        capabilities: [
          'Werkstoffprüfung',
          'Prüfung von Atemschutzmasken nach EN 149',
          'Prüfung von Mund-Nasen-Schutz nach EN 14683',
          'Mikrobiologische Untersuchungen',
          'Lebensmittelanalytik',
          'Kalibrierung von Messmitteln',
          'Wirksamkeitsprüfung von Desinfektionsmitteln',
        ],
      },
    ],
    certifications: ['ISO/IEC 17025', 'ISO 9001', 'DAkkS-Akkreditierung'],
    names: ['Prüflabor {Ort} {RF}', '{Orter} Analytik {RF}', '{Region} Prüf- und Kalibrierdienst {RF}', 'Labor {Familie} {RF}'],
    descriptions: [
      'Unser akkreditiertes Labor bietet {leistungen} mit kurzen Bearbeitungszeiten.',
      'Für Hersteller und Händler übernehmen wir {leistungen} – mit Prüfberichten für die Marktzulassung.',
    ],
    sizes: [20, 55, 22, 3],
  },
  {
    key: 'engineering',
    services: true,
    label: 'Ingenieurbüro',
    kind: 'company',
    weight: 3,
    sectors: [
      {
        code: '71.12',
        capabilities: [
          'Konstruktion und Entwicklung',
          'CAD-Konstruktion',
          'Technische Dokumentation',
          'Prototypenentwicklung',
          'Fabrikplanung',
          'FEM-Simulation',
        ],
      },
      { code: '74.10', capabilities: ['Industriedesign', 'Produktdesign'] },
    ],
    certifications: ['ISO 9001'],
    names: [
      'Ingenieurbüro {Familie}',
      'Ingenieurbüro {Familie} {RF}',
      '{Orter} Ingenieurgesellschaft {RF}',
      '{Familie} & {Familie2} Engineering {RF}',
      'Konstruktionsbüro {Ort} {RF}',
    ],
    descriptions: [
      'Für Industrieunternehmen übernehmen wir {leistungen}.',
      'Unser Büro in {ort} übernimmt {leistungen} – als Projekt oder als verlängerte Werkbank.',
    ],
    sizes: [55, 38, 7, 0],
  },
  {
    key: 'printing',
    tradition: true,
    label: 'Druckerei',
    kind: 'company',
    weight: 2,
    sectors: [
      {
        code: '18.12',
        capabilities: ['Offsetdruck', 'Digitaldruck', 'Etikettendruck', 'Verpackungsdruck', 'Großformatdruck', 'Bücher und Broschüren'],
      },
      { code: '18.13', capabilities: ['Druckvorstufe', 'Satz und Layout'] },
    ],
    certifications: ['FSC', 'PEFC', 'ISO 12647', 'ISO 14001'],
    names: [
      '{Orter} Druckerei {RF}',
      'Druckhaus {Familie} {RF}',
      '{Region} Druck {RF}',
      'Druckerei {Familie} {RF}',
      'Offsetdruck {Ort} {RF}',
    ],
    descriptions: [
      'Für Verlage, Industrie und Handel bieten wir {leistungen}.',
      'Unser Angebot: {leistungen}, schnell und in Thüringer Qualität.',
    ],
    towns: ['Pößneck', 'Erfurt', 'Jena', 'Altenburg', 'Weimar'],
    sizes: [30, 50, 17, 3],
  },
  {
    key: 'wood',
    tradition: true,
    label: 'Holz und Paletten',
    kind: 'company',
    weight: 2,
    sectors: [
      { code: '16.24', capabilities: ['Europaletten', 'Holzpaletten', 'Kisten und Verschläge', 'Exportverpackungen aus Holz'] },
      { code: '16.10', capabilities: ['Schnittholz', 'Konstruktionsvollholz', 'Holzimprägnierung'] },
      { code: '16.23', capabilities: ['Holzbauelemente', 'Fenster und Türen aus Holz'] },
    ],
    certifications: ['PEFC', 'FSC', 'EPAL-Lizenz', 'ISPM 15'],
    names: [
      '{Orter} Holzwerk {RF}',
      'Sägewerk {Familie} {RF}',
      '{Region} Holz {RF}',
      'Palettenwerk {Ort} {RF}',
      '{Familie} Holzverarbeitung {RF}',
    ],
    descriptions: [
      'Holz aus Thüringer Wäldern ist unser Rohstoff; wir bieten {leistungen}.',
      'Unser Programm umfasst {leistungen}, auch in Sondermaßen und kurzfristig.',
    ],
    towns: ['Schleiz', 'Saalfeld/Saale', 'Rudolstadt', 'Sonneberg', 'Ilmenau', 'Heilbad Heiligenstadt', 'Leutenberg'],
    sizes: [30, 50, 17, 3],
  },
  {
    key: 'furniture',
    tradition: true,
    label: 'Möbel',
    kind: 'company',
    weight: 2,
    sectors: [
      { code: '31.01', capabilities: ['Büromöbel', 'Ladeneinrichtungen', 'Objekteinrichtung'] },
      { code: '31.09', capabilities: ['Möbel nach Maß', 'Polstermöbel', 'Massivholzmöbel'] },
    ],
    certifications: ['FSC', 'PEFC', 'ISO 9001', 'RAL-GZ 430'],
    names: ['{Orter} Möbelwerkstätten {RF}', 'Tischlerei {Familie} {RF}', '{Region} Möbelbau {RF}', 'Möbelwerk {Familie} {RF}'],
    descriptions: ['Aus eigener Werkstatt: {leistungen}.', 'Für Büros, Praxen und Geschäfte liefern wir {leistungen} inklusive Montage.'],
    sizes: [40, 45, 13, 2],
  },
  {
    key: 'toys',
    tradition: true,
    label: 'Spielwaren',
    kind: 'company',
    weight: 1,
    sectors: [
      { code: '32.40', capabilities: ['Holzspielzeug', 'Plüschtiere', 'Puppen', 'Modellbahnzubehör', 'Gesellschaftsspiele', 'Baukästen'] },
    ],
    certifications: ['EN 71', 'ISO 9001'],
    names: ['{Orter} Spielwaren {RF}', 'Spielzeugmanufaktur {Familie} {RF}', '{Region} Holzspielzeug {RF}'],
    descriptions: [
      'Wir entwerfen und fertigen {leistungen} in der Spielzeugregion Südthüringen.',
      'Unser Sortiment: {leistungen}, geprüft nach EN 71.',
    ],
    towns: ['Sonneberg', 'Steinach', 'Lauscha'],
    sizes: [40, 45, 13, 2],
  },
  {
    key: 'medical-wholesale',
    label: 'Medizin- und Hygienegroßhandel',
    kind: 'company',
    weight: 2,
    sectors: [
      {
        code: '46.46',
        capabilities: [
          'Großhandel mit Medizinprodukten',
          'Praxis- und Klinikbedarf',
          'Großhandel mit Schutzausrüstung',
          'Desinfektionsmittel im Großhandel',
        ],
      },
      { code: '46.75', capabilities: ['Großhandel mit Industriechemikalien', 'Ethanol und Isopropanol im Großhandel'] },
    ],
    certifications: ['ISO 9001', 'ISO 13485', 'GDP'],
    names: ['{Orter} Medizinbedarf {RF}', '{Familie} Praxisbedarf {RF}', '{Region} Hygienehandel {RF}', '{Familie} Medizinhandel {RF}'],
    descriptions: [
      'Wir beliefern Praxen, Kliniken, Pflegedienste und Industrie: {leistungen}.',
      'Aus unserem Lager in {ort}, mit Lieferung innerhalb von 24 Stunden: {leistungen}.',
    ],
    sizes: [25, 50, 22, 3],
  },
  {
    key: 'cleaning',
    services: true,
    label: 'Reinigung und Hygieneservice',
    kind: 'company',
    weight: 2,
    sectors: [
      {
        code: '81.22',
        capabilities: ['Desinfektion von Räumen und Anlagen', 'Industriereinigung', 'Reinraumreinigung', 'Maschinenreinigung'],
      },
      { code: '81.29', capabilities: ['Schädlingsbekämpfung', 'Hygienedienstleistungen'] },
    ],
    certifications: ['ISO 9001', 'ISO 14001', 'ISO 45001'],
    names: [
      '{Orter} Gebäudedienste {RF}',
      'Hygieneservice {Familie} {RF}',
      '{Region} Reinigungsdienst {RF}',
      '{Familie} Industrieservice {RF}',
    ],
    descriptions: [
      'Wir übernehmen {leistungen} für Produktion, Pflege und öffentliche Einrichtungen.',
      'Geschultes Personal, dokumentierte Verfahren: {leistungen} in ganz Thüringen.',
    ],
    sizes: [20, 45, 28, 7],
  },
  {
    key: 'recycling',
    label: 'Recycling und Compounds',
    kind: 'company',
    weight: 1,
    sectors: [
      { code: '38.32', capabilities: ['Kunststoffrecycling', 'Rezyklate', 'Metallrecycling', 'Aufbereitung von Produktionsabfällen'] },
      { code: '20.16', capabilities: ['Kunststoffgranulate', 'Compounds nach Kundenrezeptur', 'Masterbatches'] },
    ],
    certifications: ['Entsorgungsfachbetrieb', 'ISO 14001', 'ISO 9001', 'EuCertPlast'],
    names: [
      '{Orter} Recycling {RF}',
      '{Region} Kunststoffrecycling {RF}',
      'Rohstoffrückgewinnung {Familie} {RF}',
      '{Familie} Compounds {RF}',
    ],
    descriptions: [
      'Wir machen aus Produktionsabfällen wieder Rohstoffe: {leistungen}.',
      'Unser Angebot umfasst {leistungen} für Kunststoffverarbeiter in Mitteldeutschland.',
    ],
    sizes: [15, 50, 30, 5],
  },
  {
    key: 'research-photonics',
    label: 'Forschung Optik und Photonik',
    kind: 'research',
    weight: 1.2,
    sectors: [
      {
        code: '72.19',
        capabilities: [
          'Auftragsforschung Photonik',
          'Optische Messverfahren',
          'Lasermaterialbearbeitung',
          'Mikrooptik',
          'Faseroptik',
          'Prüfung optischer Komponenten',
          'Technologietransfer',
        ],
      },
    ],
    certifications: ['ISO 9001', 'ISO/IEC 17025'],
    names: [
      'Institut für Photonische Systeme {Ort}',
      'Forschungszentrum Optik und Lasertechnik {Ort} {RF}',
      'Anwenderzentrum Mikrooptik {Ort}',
      'Transferzentrum Photonik {Region} {RF}',
    ],
    descriptions: [
      'Das Institut bietet {leistungen} und arbeitet eng mit Unternehmen der Region zusammen.',
      'Wir bieten Unternehmen {leistungen} – von der Machbarkeitsstudie bis zum Prototyp.',
    ],
    legalForms: RESEARCH_FORMS,
    towns: ['Jena', 'Ilmenau', 'Erfurt', 'Weimar'],
    sizes: [0, 35, 50, 15],
  },
  {
    key: 'research-materials',
    label: 'Forschung Werkstoffe und Fertigung',
    kind: 'research',
    weight: 1.2,
    sectors: [
      {
        code: '72.19',
        capabilities: [
          'Werkstoffforschung',
          'Kunststoff- und Polymerforschung',
          'Fügetechnik',
          'Oberflächentechnik',
          'Recyclingverfahren für Kunststoffe',
          'Mikrosystemtechnik',
          'Materialprüfung',
          'Technologietransfer für KMU',
        ],
      },
    ],
    certifications: ['ISO 9001', 'ISO/IEC 17025'],
    names: [
      'Institut für Angewandte Werkstofftechnik {Ort} {RF}',
      'Forschungsinstitut für Kunststoffe und Polymere {Ort} {RF}',
      'Zentrum für Mikrosystemtechnik {Ort}',
      'Forschungsstelle Fügetechnik {Ort}',
      'Institut für Oberflächen- und Dünnschichttechnik {Ort} {RF}',
    ],
    descriptions: [
      'Forschungsschwerpunkte: {leistungen}; das Institut unterstützt Unternehmen bei Entwicklungsprojekten.',
      'Anwendungsnahe Forschung für die Industrie: {leistungen}.',
    ],
    legalForms: RESEARCH_FORMS,
    towns: ['Ilmenau', 'Jena', 'Rudolstadt', 'Hermsdorf', 'Schmalkalden', 'Nordhausen', 'Erfurt', 'Weimar', 'Gera', 'Meiningen'],
    sizes: [0, 35, 50, 15],
  },
  {
    key: 'research-life',
    label: 'Forschung Lebenswissenschaften',
    kind: 'research',
    weight: 0.8,
    sectors: [
      { code: '72.11', capabilities: ['Biotechnologische Auftragsforschung', 'Zellkulturtechnik', 'Mikrobiologie', 'Wirkstoffscreening'] },
      { code: '72.19', capabilities: ['Medizintechnische Forschung', 'Hygiene- und Infektionsforschung', 'Biomaterialien'] },
    ],
    certifications: ['ISO 9001', 'ISO/IEC 17025', 'GLP'],
    names: [
      'Institut für Biomedizinische Technologien {Ort}',
      'Forschungszentrum Bioprozesstechnik {Ort} {RF}',
      'Institut für Angewandte Biotechnologie {Ort} {RF}',
      'Zentrum für Hygieneforschung {Ort}',
    ],
    descriptions: [
      'Schwerpunkte sind {leistungen}, in Kooperation mit Kliniken und Unternehmen.',
      'Das Institut bietet {leistungen} für Pharma-, Medizintechnik- und Lebensmittelunternehmen.',
    ],
    legalForms: RESEARCH_FORMS,
    towns: ['Jena', 'Erfurt', 'Weimar', 'Nordhausen'],
    sizes: [0, 40, 45, 15],
  },
  {
    key: 'cluster',
    label: 'Branchennetzwerk',
    kind: 'network',
    weight: 0.8,
    sectors: [
      {
        code: '94.11',
        capabilities: [
          'Vermittlung von Kooperationspartnern',
          'Netzwerkmanagement',
          'Fachveranstaltungen',
          'Fördermittelberatung',
          'Technologietransfer',
          'Gemeinschaftsstände auf Messen',
          'Lieferantenverzeichnis',
        ],
      },
    ],
    certifications: [],
    names: [
      'Netzwerk Medizintechnik {Region} {RF}',
      'Cluster Kunststofftechnik {Region} {RF}',
      'Innovationsnetzwerk Photonik {Ort} {RF}',
      'Verbund Automobilzulieferer {Region} {RF}',
      'Netzwerk Lebensmittelwirtschaft {Region} {RF}',
      'Cluster Maschinenbau {Ort} {RF}',
    ],
    descriptions: [
      'Das Netzwerk vernetzt Unternehmen, Hochschulen und Forschungseinrichtungen und bietet {leistungen}.',
      'Für seine Mitglieder bietet der Verein {leistungen}.',
    ],
    legalForms: NETWORK_FORMS,
    towns: ['Erfurt', 'Jena', 'Ilmenau', 'Gera', 'Weimar', 'Suhl'],
    sizes: [80, 20, 0, 0],
  },
  {
    key: 'business-association',
    label: 'Regionaler Unternehmerverband',
    kind: 'network',
    weight: 0.6,
    sectors: [
      {
        code: '94.11',
        capabilities: [
          'Kontakte zu regionalen Unternehmen',
          'Unternehmerstammtische',
          'Ausbildungsbörse',
          'Standortmarketing',
          'Interessenvertretung der Wirtschaft',
          'Fachkräftesicherung',
        ],
      },
    ],
    certifications: [],
    names: [
      'Gewerbeverein {Ort} {RF}',
      'Unternehmerverband {Region} {RF}',
      'Wirtschaftsinitiative {Ort} {RF}',
      'Wirtschaftskreis {Region} {RF}',
    ],
    descriptions: ['Der Verband bietet seinen Mitgliedern {leistungen}.', 'Wir stärken den Wirtschaftsstandort {ort} durch {leistungen}.'],
    legalForms: NETWORK_FORMS,
    sizes: [90, 10, 0, 0],
  },
];
