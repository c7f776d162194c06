import type { HelpRequestInput } from '../../lib/intake/schema';

/** A complete, valid help request as the API receives it. */
export function validRequest(overrides: Partial<HelpRequestInput> = {}): HelpRequestInput {
  return {
    organisation: 'Müller & Söhne Präzisionsteile GmbH',
    kind: 'company',
    contact_name: 'Jürgen Weiß',
    email: 'j.weiss@mueller-praezision.de',
    phone: '+49 361 123456',
    postal_code: '99084',
    city: 'Erfurt',
    category: 'goods',
    description: 'Wir benötigen 5.000 FFP2-Atemschutzmasken (EN 149) für unsere Fertigung, Lieferung nach Erfurt.',
    urgency: 'immediately',
    consent: true,
    ...overrides,
  };
}
