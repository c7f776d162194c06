/**
 * Graded query set for supplier search quality (nDCG@10, `npm run bench -- --quality`),
 * written as requesters and experts write: single product words, expert terms, and natural
 * requests with quantities, units, verbs and filler.
 *
 * Judged by capability, not by ranking: a generated demo company (lib/seed/company-profiles.ts)
 * is relevant (grade 2) when it offers one of `relevant`, partly relevant (grade 1) when it
 * has the WZ class of one of them (or one in `related`) but not the capability itself.
 * tests/unit/search-quality.test.ts checks that every named capability and class exists.
 */
export interface QualityQuery {
  q: string;
  relevant: readonly string[];
  /** Further WZ classes whose companies are partly relevant. */
  related?: readonly string[];
}

export const QUALITY_QUERIES: readonly QualityQuery[] = [
  // Single product words and expert terms.
  { q: 'FFP2 Masken', relevant: ['Atemschutzmasken FFP2'] },
  { q: 'Atemschutzmasken', relevant: ['Atemschutzmasken FFP2', 'Atemschutzmasken FFP3'] },
  { q: 'OP-Masken', relevant: ['OP-Masken', 'Mund-Nasen-Schutz Typ IIR'] },
  {
    q: 'Desinfektionsmittel',
    relevant: [
      'Händedesinfektionsmittel',
      'Desinfektionsmittel nach Biozidverordnung',
      'Desinfektionsmittel im Großhandel',
      'Flächendesinfektion',
    ],
  },
  { q: 'Händedesinfektion', relevant: ['Händedesinfektionsmittel'] },
  { q: 'Spritzguss', relevant: ['Kunststoffspritzguss', 'Spritzgussteile aus Polypropylen', 'Zwei-Komponenten-Spritzguss'] },
  { q: 'Laserschneiden', relevant: ['Laserschneiden'] },
  { q: 'CNC-Fräsen', relevant: ['CNC-Fräsen', '5-Achs-Bearbeitung'] },
  { q: 'Drehteile', relevant: ['CNC-Drehen', 'Präzisionsteile nach Zeichnung'] },
  { q: 'Leiterplattenbestückung', relevant: ['Leiterplattenbestückung', 'SMD-Bestückung', 'THT-Bestückung'] },
  { q: 'Kabelbäume', relevant: ['Kabelbäume', 'Kabelsätze für Fahrzeuge', 'Kabelkonfektion'] },
  { q: 'Pulverbeschichtung', relevant: ['Pulverbeschichtung'] },
  { q: 'Eloxieren', relevant: ['Eloxieren'] },
  { q: 'Aluminiumdruckguss', relevant: ['Aluminiumdruckguss', 'Leichtmetallguss'] },
  { q: 'Nitrilhandschuhe', relevant: ['Einweghandschuhe aus Nitril', 'Untersuchungshandschuhe'] },
  { q: 'Einweghandschuhe', relevant: ['Einweghandschuhe aus Nitril', 'Untersuchungshandschuhe'] },
  { q: 'Ethanol', relevant: ['Technisches Ethanol', 'Ethanol und Isopropanol im Großhandel', 'Ethanol aus eigener Brennerei'] },
  { q: 'Isopropanol', relevant: ['Isopropanol', 'Ethanol und Isopropanol im Großhandel'] },
  { q: 'Kartonagen', relevant: ['Kartonagen', 'Versandkartons', 'Faltschachteln', 'Wellpappe'] },
  { q: 'Europaletten', relevant: ['Europaletten', 'Holzpaletten'] },
  { q: 'Glasflaschen', relevant: ['Glasflaschen', 'Apothekenflaschen aus Braunglas'] },
  { q: 'Quarzglas', relevant: ['Quarzglas'] },
  { q: 'Optische Linsen', relevant: ['Optische Linsen und Prismen', 'Präzisionsoptik', 'Asphären'] },
  { q: 'Faserlaser', relevant: ['Faserlaser', 'Ultrakurzpulslaser', 'Laserstrahlquellen'] },
  { q: 'Drucksensoren', relevant: ['Drucksensoren'] },
  { q: 'Schaltschrankbau', relevant: ['Schaltschränke', 'Schaltanlagenbau'] },
  { q: 'Meltblown', relevant: ['Meltblown-Vlies'] },
  { q: 'Weizenmehl', relevant: ['Weizenmehl Type 550'] },
  { q: 'Rostbratwurst', relevant: ['Thüringer Rostbratwurst'] },
  { q: 'Lohnabfüllung', relevant: ['Lohnabfüllung chemischer Produkte', 'Lohnabfüllung von Getränken'] },
  { q: 'Werkstoffprüfung', relevant: ['Werkstoffprüfung', 'Materialprüfung'] },
  { q: 'Prüfung EN 149', relevant: ['Prüfung von Atemschutzmasken nach EN 149'] },
  { q: 'Kühltransporte', relevant: ['Kühltransporte', 'Temperaturgeführte Lagerung'] },
  { q: 'IT-Sicherheit', relevant: ['IT-Sicherheit'] },
  { q: 'Technische Keramik', relevant: ['Technische Keramik', 'Keramische Isolatoren', 'Keramikbauteile für die Medizintechnik'] },
  { q: 'Sondermaschinenbau', relevant: ['Sondermaschinenbau', 'Automatisierungsanlagen'] },
  { q: 'Solarmodule', relevant: ['Solarmodule', 'Dünnschicht-Solarmodule', 'Solarzellen'] },
  { q: 'Berufsbekleidung', relevant: ['Berufsbekleidung', 'Arbeitsschutzkleidung'] },
  { q: 'Kunststoffrecycling', relevant: ['Kunststoffrecycling', 'Rezyklate', 'Recyclingverfahren für Kunststoffe'] },
  { q: '3D-Druck', relevant: ['3D-Druck von Kunststoffteilen'] },
  // Natural requests: quantities and units.
  { q: 'Nitrilhandschuhe 50.000 Stück', relevant: ['Einweghandschuhe aus Nitril', 'Untersuchungshandschuhe'] },
  { q: 'Ethanol 500 Liter', relevant: ['Technisches Ethanol', 'Ethanol und Isopropanol im Großhandel', 'Ethanol aus eigener Brennerei'] },
  { q: 'Laserschneiden Edelstahl 8 mm', relevant: ['Laserschneiden', 'Edelstahlverarbeitung', 'Blechbearbeitung'] },
  { q: 'FFP2 Masken 10000 Stück', relevant: ['Atemschutzmasken FFP2'] },
  {
    q: 'Desinfektionsmittel 200 Kanister',
    relevant: [
      'Händedesinfektionsmittel',
      'Desinfektionsmittel nach Biozidverordnung',
      'Desinfektionsmittel im Großhandel',
      'Abfüllung in Kanister und Spenderflaschen',
    ],
  },
  { q: 'Versandkartons 5000 Stk', relevant: ['Versandkartons', 'Kartonagen', 'Wellpappe'] },
  { q: 'Europaletten 300 Stück', relevant: ['Europaletten', 'Holzpaletten'] },
  { q: 'Weizenmehl Type 550 10 t', relevant: ['Weizenmehl Type 550'] },
  // Natural requests: verbs and filler.
  { q: 'Gehäuse spritzgießen lassen', relevant: ['Kunststoffspritzguss', 'Technische Kunststoffteile', 'Aluminiumgehäuse'] },
  {
    q: 'Desinfektionsmittel dringend benötigt',
    relevant: ['Händedesinfektionsmittel', 'Desinfektionsmittel nach Biozidverordnung', 'Desinfektionsmittel im Großhandel'],
  },
  { q: 'Kartonagen für Versand gesucht', relevant: ['Kartonagen', 'Versandkartons', 'Faltschachteln'] },
  {
    q: 'Frästeile aus Aluminium fertigen lassen',
    relevant: ['CNC-Fräsen', 'Präzisionsteile nach Zeichnung', 'Aluminiumgehäuse', 'Lohnfertigung Zerspanung'],
  },
  { q: 'suche Hersteller für Kabelbäume', relevant: ['Kabelbäume', 'Kabelsätze für Fahrzeuge'] },
  { q: 'Platinen bestücken lassen', relevant: ['Leiterplattenbestückung', 'SMD-Bestückung', 'THT-Bestückung', 'Baugruppenfertigung'] },
  { q: 'Schutzkittel kurzfristig gesucht', relevant: ['Schutzkittel', 'Einweg-Schutzanzüge'] },
  { q: 'Brötchen für Kantine liefern', relevant: ['Brot und Brötchen', 'Backwaren für Großverbraucher'] },
  { q: 'Blech lasern und kanten', relevant: ['Laserschneiden', 'Blechbearbeitung', 'Abkanten'] },
  { q: 'Prototypen konstruieren und entwickeln', relevant: ['Prototypenentwicklung', 'Konstruktion und Entwicklung', 'CAD-Konstruktion'] },
  { q: 'Software für Lager entwickeln lassen', relevant: ['Individualsoftware', 'Softwareentwicklung', 'ERP-Anpassung'] },
  { q: 'Lkw Transport nach Erfurt gesucht', relevant: ['Lkw-Transporte', 'Stückguttransporte'] },
  // Colloquial names the entries do not use.
  { q: 'Mundschutz', relevant: ['OP-Masken', 'Mund-Nasen-Schutz Typ IIR', 'Mund-Nasen-Bedeckungen aus Baumwolle'] },
  {
    q: 'Alkohol zum Desinfizieren',
    relevant: ['Technisches Ethanol', 'Isopropanol', 'Händedesinfektionsmittel', 'Ethanol und Isopropanol im Großhandel'],
  },
  { q: 'Pappkartons', relevant: ['Versandkartons', 'Kartonagen', 'Faltschachteln', 'Graupappe'] },
  { q: 'Handschuhe', relevant: ['Einweghandschuhe aus Nitril', 'Untersuchungshandschuhe'] },
  { q: 'Plastikteile', relevant: ['Technische Kunststoffteile', 'Kunststoffspritzguss', 'Spritzgussteile aus Polypropylen'] },
  { q: 'Schutzanzug', relevant: ['Einweg-Schutzanzüge', 'Schutzkittel'] },
  { q: 'Bierfässer', relevant: ['Bier in Flaschen und Fässern', 'Fassbier für die Gastronomie'] },
];
