/** Creating and editing companies through the staff server actions: validation, duplicates, versions, history. */
import { eq, sql } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSupplier, saveSupplier } from '@/app/(staff)/suppliers/[id]/actions';
import { db } from '@/db/client';
import { companies, companyEvents } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { messages } from '@/lib/i18n';
import { loadCompany, loadCompanyHistory } from '@/lib/suppliers/detail';
import { companyFormSchema, companyFormValues } from '@/lib/suppliers/form';
import type { CompanyInput } from '@/lib/suppliers/schema';
import { signedInSession, staffUser } from '../helpers/staff-users';

vi.mock('next-auth', async (orig) => ({ ...(await orig<typeof import('next-auth')>()), getServerSession: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

let erika: StaffUser;
let anke: StaffUser;

async function actAs(user: StaffUser) {
  vi.mocked(getServerSession).mockResolvedValue((await signedInSession(user)) as never);
}

/** What the form sends: its text fields through the form schema. */
const fromForm = (changes: Partial<ReturnType<typeof companyFormValues>> = {}): CompanyInput =>
  companyFormSchema.parse({
    ...companyFormValues(),
    name: 'Glaswerk Ilmenau',
    postalCode: '98693',
    city: 'Ilmenau',
    sectors: '23.19, 32.50',
    capabilities: 'Laborglas\nGlasrohre',
    certifications: 'ISO 9001',
    employees: '120',
    contactPerson: 'Herr Bläser',
    ...changes,
  });

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  anke = await staffUser('Anke Admin', 'admin');
});
beforeEach(async () => {
  await db.execute(sql`truncate ${companies}, ${companyEvents} cascade`);
});

describe('company edit form and actions', () => {
  it('turns the form’s lines and commas into lists', () => {
    expect(fromForm({ latitude: '50,68', longitude: '10,91' })).toMatchObject({
      sectors: ['23.19', '32.50'],
      capabilities: ['Laborglas', 'Glasrohre'],
      certifications: ['ISO 9001'],
      employees: 120,
      latitude: 50.68,
      longitude: 10.91,
    });
  });

  it('creates a company with location, size class and a history entry; refuses a second one', async () => {
    await actAs(erika);
    const created = await createSupplier(fromForm());
    expect(created).toMatchObject({ ok: true, data: { version: 1 } });
    const id = (created as { data: { id: number } }).data.id;
    const company = await loadCompany(id);
    expect(company).toMatchObject({
      name: 'Glaswerk Ilmenau',
      districtName: 'Ilm-Kreis',
      sizeClass: 'medium',
      contactPerson: 'Herr Bläser',
    });
    expect(company!.latitude).toBeGreaterThan(50);
    expect(await loadCompanyHistory(id)).toMatchObject([{ type: 'created', actorName: 'Erika Expertin' }]);

    expect(await createSupplier(fromForm({ capabilities: 'Anderes' }))).toEqual({
      ok: false,
      error: messages.suppliers.exists,
      fieldErrors: { name: messages.suppliers.exists },
    });
  });

  it('answers invalid input with German field errors', async () => {
    await actAs(erika);
    const result = await createSupplier({ ...fromForm(), postalCode: '986', sectors: ['XX.1'] });
    expect(result).toMatchObject({
      ok: false,
      error: messages.request.fixErrors,
      fieldErrors: { postalCode: messages.errors.postalCode, sectors: messages.errors.sector },
    });
    const edit = await saveSupplier({ id: 1, version: 1, ...fromForm(), name: 'X' });
    expect(edit).toMatchObject({ ok: false, fieldErrors: { name: messages.errors.tooShort(2) } });
  });

  it('refuses a NUL in a company field with a German field error and stores nothing', async () => {
    await actAs(erika);
    const input = { ...fromForm(), street: 'Am Anger\u00001', description: 'Glas\u0000' };
    expect(await createSupplier(input)).toEqual({
      ok: false,
      error: messages.request.fixErrors,
      fieldErrors: { street: messages.errors.controlCharacters, description: messages.errors.controlCharacters },
    });
    expect(await db.select().from(companies)).toEqual([]);
  });

  it('records each changed field with old and new value, and refuses a stale version', async () => {
    await actAs(erika);
    const { id } = ((await createSupplier(fromForm())) as { data: { id: number } }).data;
    const saved = await saveSupplier({ id, version: 1, ...fromForm({ employees: '300', publicListing: true }) });
    expect(saved).toEqual({ ok: true, data: { id, version: 2 } });
    const [latest] = await loadCompanyHistory(id);
    expect(latest).toMatchObject({
      type: 'updated',
      actorName: 'Erika Expertin',
      data: { changes: { employees: { from: 120, to: 300 }, publicListing: { from: false, to: true } } },
    });

    // Anke still has version 1 open: refused, nothing overwritten, Erika named.
    await actAs(anke);
    const stale = await saveSupplier({ id, version: 1, ...fromForm({ employees: '5' }) });
    expect(stale).toEqual({ ok: false, error: messages.suppliers.conflict('Erika Expertin'), currentVersion: 2 });
    expect((await loadCompany(id))!.employees).toBe(300);

    // The same values again: nothing to record.
    expect(await saveSupplier({ id, version: 2, ...fromForm({ employees: '300', publicListing: true }) })).toEqual({
      ok: true,
      data: { id, version: 2 },
    });
    expect(await loadCompanyHistory(id)).toHaveLength(2);
  });

  it('keeps external ids unique and the record’s source through an edit', async () => {
    await actAs(erika);
    const first = ((await createSupplier(fromForm({ externalId: 'LEG-1' }))) as { data: { id: number } }).data;
    const second = (
      (await createSupplier(fromForm({ name: 'Glashütte Lauscha', postalCode: '98724', city: 'Lauscha' }))) as { data: { id: number } }
    ).data;
    await db.update(companies).set({ source: 'LEG-Export 2020' }).where(eq(companies.id, second.id));
    expect(
      await saveSupplier({
        id: second.id,
        version: 1,
        ...fromForm({ name: 'Glashütte Lauscha', postalCode: '98724', city: 'Lauscha', externalId: 'LEG-1' }),
      }),
    ).toEqual({
      ok: false,
      error: messages.suppliers.externalIdTaken,
      fieldErrors: { externalId: messages.suppliers.externalIdTaken },
    });
    expect(
      await saveSupplier({
        id: second.id,
        version: 1,
        ...fromForm({ name: 'Glashütte Lauscha', postalCode: '98724', city: 'Lauscha', employees: '12' }),
      }),
    ).toMatchObject({ ok: true });
    expect((await loadCompany(second.id))!.source).toBe('LEG-Export 2020');
    expect(first.id).not.toBe(second.id);
  });
});
