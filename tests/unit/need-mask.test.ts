import { describe, expect, it } from 'vitest';
import { withoutRequester } from '@/lib/availability/need';
import { messages } from '@/lib/i18n';

const t = messages.availability;
const requester = { organisation: 'Müller & Söhne Präzisionsteile GmbH', contactName: 'Dr. Jürgen von Weiß' };
const mask = (text: string) => withoutRequester(text, requester);

describe("the need a supplier reads: the requester's description without the requester", () => {
  it('masks the organisation with and without its legal form, the full name and each capitalised part', () => {
    expect(mask('Für Müller & Söhne Präzisionsteile GmbH: 500 Masken')).toBe(`Für ${t.maskedName}: 500 Masken`);
    expect(mask('müller & söhne präzisionsteile braucht Masken')).toBe(`${t.maskedName} braucht Masken`);
    expect(mask('Bitte Dr. Jürgen von Weiß anrufen, Herr Weiß ist vormittags da')).toBe(
      `Bitte ${t.maskedName} anrufen, Herr ${t.maskedName} ist vormittags da`,
    );
    expect(mask('Jürgen fragt')).toBe(`${t.maskedName} fragt`);
  });

  it('leaves short and lowercase name parts and words that only contain a name alone', () => {
    expect(mask('Lieferung von Dr. Oetker-Folie, Weißblech gesucht')).toBe('Lieferung von Dr. Oetker-Folie, Weißblech gesucht');
  });

  it('masks every mail address and phone number, not only the stored ones', () => {
    expect(mask('Rückfragen an einkauf@firma.example oder j.w@other.example')).toBe(`Rückfragen an ${t.maskedEmail} oder ${t.maskedEmail}`);
    for (const phone of ['0361 123456', '+49 361 123456', '(0361) 55 51-234', '0171/1234567', '036112345678']) {
      expect(mask(`Telefon ${phone}, danke`)).toBe(`Telefon ${t.maskedPhone}, danke`);
    }
  });

  it('keeps quantities, dates, norms and sizes', () => {
    const need = '50.000 Stück FFP2 nach EN 149:2001, bis 01.12.2026, Edelstahl 8 mm, 0,5 l Flaschen, 2 x 1000 Liter';
    expect(mask(need)).toBe(need);
  });
});
