import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { cases } from '../../db/schema';
import { acceptHelpRequest } from '../../lib/intake/accept';
import { validRequest } from '../helpers/fixtures';

// Postal places and sectors are reference data (db/prepare.ts loads them before the app
// serves): the intake reads them once per process instead of once per request.
describe('the intake and reference data', () => {
  it('geocodes and checks sectors from memory after the first request', async () => {
    const first = await acceptHelpRequest(validRequest({ sector: '32.50', email: 'a@example.org' }), { ip: '10.0.0.1' });
    expect(first.ok).toBe(true);

    await db.execute(sql`alter table postal_places rename to postal_places_hidden`);
    await db.execute(sql`alter table sectors rename to sectors_hidden`);
    try {
      const second = await acceptHelpRequest(
        validRequest({ sector: '32.50', postal_code: '07743', city: 'Jena', email: 'b@example.org' }),
        { ip: '10.0.0.2' },
      );
      expect(second.ok).toBe(true);
      const unknownSector = await acceptHelpRequest(validRequest({ sector: '99.99', email: 'c@example.org' }), { ip: '10.0.0.3' });
      expect(unknownSector).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { sector: expect.any(String) } });
    } finally {
      await db.execute(sql`alter table postal_places_hidden rename to postal_places`);
      await db.execute(sql`alter table sectors_hidden rename to sectors`);
    }
    const stored = await db.select({ district: cases.districtKey, postalCode: cases.postalCode }).from(cases).orderBy(cases.id);
    expect(stored).toEqual([
      { district: '16051', postalCode: '99084' },
      { district: '16053', postalCode: '07743' },
    ]);
  });
});
