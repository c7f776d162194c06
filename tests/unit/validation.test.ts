import { describe, expect, it } from 'vitest';
import { caseUpdateSchema, noteSchema, queueFilterSchema } from '@/lib/cases/schema';
import { messages } from '@/lib/i18n';
import { introductionSchema } from '@/lib/introductions/schema';
import { companyInputSchema } from '@/lib/suppliers/schema';
import { fieldErrorsOf, MAX_ID, parseIdParam } from '@/lib/validation';

const m = messages.errors;

function errorsOf(result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) {
  return result.success ? {} : fieldErrorsOf(result.error!);
}

describe('text fields refuse NUL and other control characters (PostgreSQL cannot store NUL: it was a 500)', () => {
  const company = {
    name: 'Glaswerk Ilmenau',
    kind: 'company',
    postalCode: '98693',
    city: 'Ilmenau',
    sectors: [],
    capabilities: [],
    certifications: [],
    publicListing: false,
  };

  it.each(['\u0000', '\u0007', '\u001b', '\u007f'])('in a case note: %j', (control) => {
    expect(errorsOf(noteSchema.safeParse({ caseId: 1, text: `Rückruf${control} am Montag` }))).toEqual({ text: m.controlCharacters });
  });

  it('keeps line breaks and tabs in a note', () => {
    const text = 'Rückruf:\n\t- Montag\r\n\t- Dienstag';
    expect(noteSchema.parse({ caseId: 1, text }).text).toBe(text);
  });

  it.each(['name', 'street', 'city', 'contactPerson', 'website', 'phone', 'description'] as const)('in the company field %s', (field) => {
    expect(errorsOf(companyInputSchema.safeParse({ ...company, [field]: 'Ilme\u0000nau' }))).toEqual({ [field]: m.controlCharacters });
  });

  it('in a company list entry', () => {
    expect(errorsOf(companyInputSchema.safeParse({ ...company, capabilities: ['Glas', 'Rohr\u0000e'] }))).toEqual({
      capabilities: m.controlCharacters,
    });
  });

  it('in a status change reason and an introduction note', () => {
    const update = { caseId: 1, version: 1, status: 'rejected', priority: 'normal', tags: '', reason: 'Kein\u0000 Bedarf' };
    expect(errorsOf(caseUpdateSchema.safeParse(update))).toEqual({ reason: m.controlCharacters });
    const introduction = {
      caseId: 1,
      companyId: 2,
      introducedOn: '2026-11-20',
      channel: 'email',
      note: 'Hallo\u0000',
    };
    expect(errorsOf(introductionSchema.safeParse(introduction))).toEqual({ note: m.controlCharacters });
  });
});

describe('parseIdParam', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    [String(MAX_ID), 2_147_483_647],
  ])('reads %j as %d', (raw, id) => {
    expect(parseIdParam(raw)).toBe(id);
  });

  it.each(['2147483648', '99999999999', '0', '-1', '01', '1.5', '1e3', ' 1', 'abc', ''])('refuses %j (the page answers 404)', (raw) => {
    expect(parseIdParam(raw)).toBeUndefined();
  });
});

describe('ids beyond int4 in action input and filters', () => {
  it('are invalid input, not a database error', () => {
    expect(errorsOf(noteSchema.safeParse({ caseId: 2_147_483_648, text: 'Notiz' }))).toEqual({ caseId: m.invalidInput });
  });

  it('fall back to no filter in the queue', () => {
    expect(queueFilterSchema.parse({ assignee: '2147483648' }).assignee).toBeUndefined();
  });
});
