import { count } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases } from '../../db/schema';
import type { HelpRequest } from '../intake/schema';
import { submitHelpRequest } from '../intake/submit';
import { DAY_MS, HOUR_MS } from '../time';

type DemoRequest = Omit<HelpRequest, 'consent' | 'kind'> & { kind?: HelpRequest['kind']; daysAgo: number };

const DEMO_REQUESTS: DemoRequest[] = [
  {
    daysAgo: 9,
    organisation: 'Thüringer Pflegedienst Sonnenschein GmbH',
    contact_name: 'Karin Schädlich',
    email: 'k.schaedlich@example.org',
    postal_code: '99084',
    city: 'Erfurt',
    category: 'goods',
    urgency: 'immediately',
    description:
      'Wir benötigen dringend 2.000 FFP2-Masken nach EN 149 und 500 Liter Händedesinfektionsmittel für unsere 14 Pflegeeinrichtungen.',
  },
  {
    daysAgo: 8,
    organisation: 'Jenaer Feinoptik AG',
    contact_name: 'Dr. Tobias Reuß',
    email: 'reuss@example.org',
    postal_code: '07745',
    city: 'Jena',
    category: 'capacity',
    urgency: 'within_weeks',
    sector: '26',
    description:
      'Unser Lieferant für CNC-gefräste Aluminiumgehäuse ist insolvent. Gesucht: Fertigungskapazität für ca. 800 Gehäuse pro Monat, Toleranz ±0,02 mm.',
  },
  {
    daysAgo: 7,
    organisation: 'Autozulieferer Eisenach Komponenten GmbH',
    contact_name: 'Sabine Förster',
    email: 's.foerster@example.org',
    postal_code: '99817',
    city: 'Eisenach',
    category: 'goods',
    urgency: 'immediately',
    sector: '29',
    description:
      'Kabelbäume für Sitzverstellung fehlen, Lieferkette aus Fernost unterbrochen. Bedarf: 3.000 Stück bis Monatsende, Zeichnung vorhanden.',
  },
  {
    daysAgo: 6,
    organisation: 'Weimarer Brauhaus e. K.',
    contact_name: 'Martin Klöpfel',
    email: 'kloepfel@example.org',
    postal_code: '99423',
    city: 'Weimar',
    category: 'raw_materials',
    urgency: 'within_weeks',
    description:
      'Uns fehlen Glasflaschen (0,33 l, Longneck, braun). Bisheriger Lieferant kann frühestens in vier Monaten liefern. Menge: 40.000 Stück.',
  },
  {
    daysAgo: 5,
    organisation: 'Hochschule Schmalkalden – Fakultät Maschinenbau',
    kind: 'research',
    contact_name: 'Prof. Anja Römer',
    email: 'a.roemer@example.org',
    postal_code: '98574',
    city: 'Schmalkalden',
    category: 'cooperation',
    urgency: 'flexible',
    description:
      'Für ein Forschungsprojekt zu recycelbaren Kunststoffgranulaten suchen wir einen Industriepartner mit Spritzgussfertigung in Thüringen.',
  },
  {
    daysAgo: 4,
    organisation: 'Geraer Textilveredlung GmbH',
    contact_name: 'Uwe Baumgärtel',
    email: 'baumgaertel@example.org',
    postal_code: '07545',
    city: 'Gera',
    category: 'services',
    urgency: 'within_weeks',
    sector: '13',
    description: 'Wir suchen einen Dienstleister für die Prüfung und Zertifizierung von Mund-Nasen-Schutz nach EN 14683.',
  },
  {
    daysAgo: 3,
    organisation: 'Bäckerei Großmann & Töchter',
    contact_name: 'Lena Großmann',
    email: 'lena@example.org',
    postal_code: '99734',
    city: 'Nordhausen',
    category: 'raw_materials',
    urgency: 'immediately',
    description: 'Roggenmehl Type 1150 wird knapp. Wir brauchen 5 Tonnen pro Woche ab sofort, gern von einer Thüringer Mühle.',
  },
  {
    daysAgo: 2,
    organisation: 'Suhler Metallbau Zöllner GmbH',
    contact_name: 'Frank Zöllner',
    email: 'zoellner@example.org',
    postal_code: '98527',
    city: 'Suhl',
    category: 'capacity',
    urgency: 'within_weeks',
    sector: '25',
    description:
      'Laserschneiden von Edelstahlblechen bis 8 mm gesucht, ca. 200 Teile pro Woche, da unsere Anlage für drei Monate ausfällt.',
  },
  {
    daysAgo: 1,
    organisation: 'Altenburger Spielkartenfabrik Nachf.',
    contact_name: 'Heike Strüber',
    email: 'strueber@example.org',
    postal_code: '04600',
    city: 'Altenburg',
    category: 'goods',
    urgency: 'flexible',
    description: 'Spezialkarton mit 310 g/m², beidseitig gestrichen, ab dem nächsten Quartal. Menge etwa 20 Tonnen.',
  },
  {
    daysAgo: 0,
    organisation: 'Ilmenauer Sensorik UG',
    contact_name: 'Paul Weißenborn',
    email: 'p.weissenborn@example.org',
    postal_code: '98693',
    city: 'Ilmenau',
    category: 'other',
    urgency: 'within_weeks',
    description: 'Wir suchen Unterstützung bei der Umstellung unserer Lieferkette für Leiterplatten auf europäische Anbieter.',
  },
];

/** Gives a fresh embedded demo database a realistic queue. Does nothing once cases exist. */
export async function seedDemoCases(now = new Date()) {
  const [existing] = await db.select({ n: count() }).from(cases);
  if (existing && existing.n > 0) return 0;
  for (const { daysAgo, kind = 'company', ...request } of DEMO_REQUESTS) {
    const submittedAt = new Date(now.getTime() - daysAgo * DAY_MS - HOUR_MS);
    await submitHelpRequest({ ...request, kind, consent: true }, { now: submittedAt });
  }
  return DEMO_REQUESTS.length;
}
