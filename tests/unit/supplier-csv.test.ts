import { describe, expect, it } from 'vitest';
import type { Company } from '@/db/schema';
import { messages } from '@/lib/i18n';
import { CSV_COLUMNS, type CsvRow, parseCompanyCsv, toCsv } from '@/lib/suppliers/csv';
import { companyInputSchema } from '@/lib/suppliers/schema';

const t = messages.importer;

/** The parsed rows; fails the test on a file-level error. */
function rowsOf(content: string | Buffer): CsvRow[] {
  const result = parseCompanyCsv(content);
  if (!result.ok) expect.fail(`file refused: ${result.error}`);
  return result.rows;
}

function fileError(content: string | Buffer): string {
  const result = parseCompanyCsv(content);
  if (result.ok) expect.fail('file accepted, expected a refusal');
  return result.error;
}

describe('parseCompanyCsv', () => {
  it('reads a semicolon file with English headers into schema-ready input', () => {
    const csv = [
      'external_id;name;kind;street;postal_code;city;latitude;longitude;website;email;phone;wz_codes;capabilities;certifications;employees;description;public_listing',
      'T-1;Thüringer Maskenwerk GmbH;company;Am Anger 1;99084;Erfurt;50.98;11.03;https://masken.example;info@masken.example;+49 361 1;32.50|22.29;FFP2-Masken|Vliesstoffe;ISO 9001|ISO 13485;120;Masken aus Erfurt;yes',
    ].join('\n');
    const [row, ...rest] = rowsOf(csv);
    expect(rest).toEqual([]);
    expect(row!.rowNumber).toBe(2);
    const parsed = companyInputSchema.parse(row!.input);
    expect(parsed).toMatchObject({
      externalId: 'T-1',
      name: 'Thüringer Maskenwerk GmbH',
      kind: 'company',
      postalCode: '99084',
      latitude: 50.98,
      longitude: 11.03,
      sectors: ['32.50', '22.29'],
      capabilities: ['FFP2-Masken', 'Vliesstoffe'],
      certifications: ['ISO 9001', 'ISO 13485'],
      employees: 120,
      publicListing: true,
    });
  });

  it('detects a comma delimiter, strips a BOM and maps German headers in any case and spacing', () => {
    const csv =
      '\uFEFF Firmenname ,PLZ,Ort,Straße,Art,WZ-Codes,Leistungen,Zertifikate,Beschäftigte,Beschreibung,Öffentlich,Breitengrad,Längengrad,E-Mail,Telefon,Externe ID,Ansprechpartner,Webseite\r\n' +
      '"Institut für Optik, Jena",07745,Jena,Carl-Zeiss-Str. 1,Forschungseinrichtung,72.19,Optik|Laser,,1.200,"Forschung zu ""Photonik""",ja,"50,93","11,58",optik@jena.example,03641 1,J-7,Dr. Ada Licht,https://optik.example\r\n';
    const result = parseCompanyCsv(csv);
    if (!result.ok) expect.fail(result.error);
    expect(result.delimiter).toBe(',');
    expect(result.labels.postalCode).toBe('PLZ');
    expect(result.ignoredColumns).toEqual([]);
    const parsed = companyInputSchema.parse(result.rows[0]!.input);
    expect(parsed).toMatchObject({
      name: 'Institut für Optik, Jena',
      kind: 'research',
      postalCode: '07745',
      street: 'Carl-Zeiss-Str. 1',
      latitude: 50.93,
      longitude: 11.58,
      employees: 1200,
      description: 'Forschung zu "Photonik"',
      publicListing: true,
      externalId: 'J-7',
      contactPerson: 'Dr. Ada Licht',
      website: 'https://optik.example',
    });
  });

  it('prefers the semicolon when commas only occur inside quotes of the header', () => {
    const result = parseCompanyCsv('"name";"postal_code";"city, Ort"\nA, B und C;99084;Erfurt\n');
    // "city, Ort" is not a known header: the city column is missing.
    expect(result).toEqual({ ok: false, error: t.missingColumns(['city']) });
    const ok = parseCompanyCsv('"name";"postal_code";"city"\n"A, B und C";99084;Erfurt\n');
    if (!ok.ok) expect.fail(ok.error);
    expect(ok.delimiter).toBe(';');
    expect(ok.rows[0]!.input).toMatchObject({ name: 'A, B und C' });
  });

  it('keeps delimiters and line breaks inside quoted fields and numbers rows by their first line', () => {
    const csv = [
      'name;postal_code;city;description',
      'Erste GmbH;99084;Erfurt;"Zeile eins',
      'Zeile zwei; mit Semikolon"',
      '',
      'Zweite GmbH;07743;Jena;kurz',
      ';;;',
      'Dritte GmbH;98527;Suhl;"a\r\nb"',
    ].join('\n');
    const rows = rowsOf(csv);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 5, 7]);
    expect(rows[0]!.input).toMatchObject({ name: 'Erste GmbH', description: 'Zeile eins\nZeile zwei; mit Semikolon' });
    expect(rows[2]!.input).toMatchObject({ description: 'a\r\nb' });
  });

  it('maps kind and public_listing spellings; empty cells get the defaults', () => {
    const kinds = ['company', 'Unternehmen', 'research', 'FORSCHUNGSEINRICHTUNG', 'network', 'Netzwerk', 'Cluster', ''];
    const listings = ['yes', 'no', 'true', 'False', '1', '0', 'Ja', 'nein'];
    const csv = ['name;postal_code;city;kind;public_listing', ...kinds.map((k, i) => `Firma ${i};99084;Erfurt;${k};${listings[i]}`)].join(
      '\n',
    );
    const rows = rowsOf(csv);
    expect(rows.map((r) => r.input!.kind)).toEqual([
      'company',
      'company',
      'research',
      'research',
      'network',
      'network',
      'network',
      'company',
    ]);
    expect(rows.map((r) => r.input!.publicListing)).toEqual([true, false, true, false, true, false, true, false]);
    const [unknown] = rowsOf('name;postal_code;city;kind;public_listing\nX GmbH;99084;Erfurt;Verein;vielleicht\n');
    expect(unknown!.input).toMatchObject({ kind: 'Verein', publicListing: 'vielleicht' });
    expect(companyInputSchema.safeParse(unknown!.input).success).toBe(false);
    const [minimal] = rowsOf('name;postal_code;city\nY GmbH;99084;Erfurt\n');
    expect(companyInputSchema.parse(minimal!.input)).toMatchObject({ kind: 'company', publicListing: false, sectors: [] });
  });

  it('refuses a file without a required header with one German error', () => {
    expect(fileError('Firmenname;Ort\nA GmbH;Erfurt\n')).toBe(t.missingColumns(['postal_code']));
    expect(fileError('')).toBe(t.empty);
    expect(fileError('name;Firmenname;postal_code;city\n')).toBe(t.duplicateColumn('name', 'Firmenname'));
    expect(fileError(Buffer.from('name;postal_code;city\nM\xfcller;99084;Erfurt\n', 'latin1'))).toBe(t.notUtf8);
    expect(fileError('name;postal_code;city\n"offen;99084;Erfurt\n')).toContain('Anführungszeichen');
  });

  it('keeps a row with the wrong number of fields as a row error and lists unknown columns', () => {
    const result = parseCompanyCsv('name;postal_code;city;Bemerkung\nA GmbH;99084\nB GmbH;99084;Erfurt;x;;\n');
    if (!result.ok) expect.fail(result.error);
    expect(result.ignoredColumns).toEqual(['Bemerkung']);
    expect(result.rows[0]).toEqual({ rowNumber: 2, error: t.fieldCount(2, 4) });
    expect(result.rows[1]!.input).toMatchObject({ name: 'B GmbH', city: 'Erfurt' });
  });
});

describe('toCsv', () => {
  const company = (overrides: Partial<Company>): Company =>
    ({
      externalId: 'E-1',
      name: 'Beispiel GmbH',
      kind: 'company',
      street: 'Weg 1',
      postalCode: '99084',
      city: 'Erfurt',
      latitude: 50.978,
      longitude: 11.029,
      website: null,
      email: 'info@beispiel.example',
      phone: '+49 361 123',
      contactPerson: null,
      sectors: ['32.50'],
      capabilities: ['Masken', 'Kittel'],
      certifications: [],
      employees: 42,
      description: '',
      publicListing: true,
      ...overrides,
    }) as Company;

  it('writes the import format with BOM, semicolons and | lists, and parses back to the same input', () => {
    const companies = [
      company({}),
      company({
        externalId: null,
        name: 'Zweite; "besondere" AG',
        kind: 'research',
        latitude: null,
        longitude: null,
        description: 'Mehrzeilig\nmit; Semikolon und "Zitat"',
        employees: null,
        publicListing: false,
      }),
      company({
        externalId: 'E-3',
        name: '=HYPERLINK("x")',
        capabilities: ['-Fräsen', '@Laser'],
        phone: '-123',
        description: "'=schon maskiert",
      }),
    ];
    const csv = toCsv(companies);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(';')}\r\n`)).toBe(true);
    expect(csv).toContain('Masken|Kittel');
    expect(csv).toContain('50,978;11,029');
    expect(csv).toContain(`'=HYPERLINK`);

    const rows = rowsOf(csv);
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      const parsed = companyInputSchema.parse(row.input);
      const original = companies[i]!;
      expect(parsed).toMatchObject({
        externalId: original.externalId ?? undefined,
        name: original.name,
        kind: original.kind,
        latitude: original.latitude ?? undefined,
        longitude: original.longitude ?? undefined,
        phone: original.phone ?? undefined,
        capabilities: original.capabilities,
        employees: original.employees ?? undefined,
        description: original.description,
        publicListing: original.publicListing,
      });
    }
  });
});
