import { parse } from 'csv-parse/sync';
import type { Company } from '../../db/schema';
import { toSpreadsheetCsv } from '../spreadsheet-csv';
import { messages } from '../i18n';
import type { CompanyInput } from './schema';
import { fold } from './text';

const t = messages.importer;

type Field = keyof CompanyInput;

/**
 * The supplier CSV format: canonical (English) column names in export order, the input field
 * each fills, and the German and alternative spellings accepted on import. Aliases are
 * compared folded (lower case, umlauts spelled out, no spaces, hyphens or underscores).
 */
const COLUMNS = [
  { column: 'external_id', field: 'externalId', aliases: ['externe id', 'id', 'kennung'] },
  { column: 'name', field: 'name', aliases: ['firmenname', 'firma', 'organisation', 'bezeichnung'] },
  { column: 'kind', field: 'kind', aliases: ['art', 'typ', 'type'] },
  { column: 'street', field: 'street', aliases: ['straße', 'strasse', 'adresse', 'anschrift', 'address'] },
  { column: 'postal_code', field: 'postalCode', aliases: ['plz', 'postleitzahl', 'postcode', 'zip'] },
  { column: 'city', field: 'city', aliases: ['ort', 'stadt', 'town'] },
  { column: 'latitude', field: 'latitude', aliases: ['breitengrad', 'breite', 'lat'] },
  { column: 'longitude', field: 'longitude', aliases: ['längengrad', 'länge', 'lon', 'lng'] },
  { column: 'website', field: 'website', aliases: ['webseite', 'internet', 'internetseite', 'homepage', 'url', 'web'] },
  { column: 'email', field: 'email', aliases: ['e-mail', 'mail', 'e-mail-adresse'] },
  { column: 'phone', field: 'phone', aliases: ['telefon', 'tel', 'telefonnummer', 'telephone'] },
  {
    column: 'contact_person',
    field: 'contactPerson',
    aliases: ['ansprechpartner', 'ansprechpartnerin', 'ansprechperson', 'kontaktperson', 'contact'],
  },
  { column: 'wz_codes', field: 'sectors', aliases: ['wz', 'wz-codes', 'wz 2008', 'wz2008', 'branchen', 'branche', 'sectors'] },
  { column: 'capabilities', field: 'capabilities', aliases: ['fähigkeiten', 'leistungen', 'produkte', 'kompetenzen', 'angebot'] },
  { column: 'certifications', field: 'certifications', aliases: ['zertifizierungen', 'zertifikate'] },
  {
    column: 'employees',
    field: 'employees',
    aliases: ['mitarbeiter', 'mitarbeitende', 'beschäftigte', 'mitarbeiterzahl', 'anzahl mitarbeiter'],
  },
  { column: 'description', field: 'description', aliases: ['beschreibung'] },
  { column: 'public_listing', field: 'publicListing', aliases: ['öffentlich', 'veröffentlichung', 'veröffentlichen', 'public'] },
] as const satisfies readonly { column: string; field: Field; aliases: readonly string[] }[];

export type CsvColumn = (typeof COLUMNS)[number]['column'];
export const CSV_COLUMNS: readonly CsvColumn[] = COLUMNS.map((c) => c.column);
/** Columns a file must have; every other column may be left out. */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['name', 'postal_code', 'city'];

const headerKey = (header: string) => fold(header).replace(/[^a-z0-9]/g, '');
const BY_HEADER = new Map(COLUMNS.flatMap((c) => [c.column, ...c.aliases].map((name) => [headerKey(name), c] as const)));

const KINDS: Record<string, CompanyInput['kind']> = Object.fromEntries([
  ...['company', 'unternehmen', 'firma', 'betrieb'].map((v) => [v, 'company'] as const),
  ...['research', 'forschung', 'forschungseinrichtung', 'forschungsinstitut', 'institut', 'hochschule'].map(
    (v) => [v, 'research'] as const,
  ),
  ...['network', 'netzwerk', 'cluster', 'verbund'].map((v) => [v, 'network'] as const),
]);
const YES = new Set(['yes', 'ja', 'true', 'wahr', '1', 'x']);
const NO = new Set(['no', 'nein', 'false', 'falsch', '0']);

/** One data row of a file: its line number (the header is line 1) and the raw company input or why it is unreadable. */
export interface CsvRow {
  rowNumber: number;
  input?: Record<string, unknown>;
  error?: string;
}

export type CsvParseResult =
  | {
      ok: true;
      rows: CsvRow[];
      delimiter: ';' | ',';
      /** The header as written in the file for each input field, for messages in the user's words. */
      labels: Partial<Record<Field, string>>;
      /** Headers that match no column; their values are not imported. */
      ignoredColumns: string[];
    }
  | { ok: false; error: string };

// The export prefixes a formula-like cell with an apostrophe (lib/spreadsheet-csv.ts); the
// import takes that apostrophe off again.
const unescapeCell = (value: string) => (/^'[=+\-@\t\r']/.test(value) ? value.slice(1) : value);

function detectDelimiter(buffer: Buffer): ';' | ',' {
  const fieldsOfHeader = (delimiter: string) => {
    try {
      const [header] = parse(buffer, { delimiter, bom: true, to: 1, relax_quotes: true, relax_column_count: true }) as string[][];
      return header?.length ?? 0;
    } catch {
      return 0;
    }
  };
  return fieldsOfHeader(',') > fieldsOfHeader(';') ? ',' : ';';
}

/** Line breaks in buffer[from, to): \r\n, \n and a lone \r each count once. */
function lineBreaks(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const byte = buffer[i];
    if (byte === 0x0a || (byte === 0x0d && buffer[i + 1] !== 0x0a)) count++;
  }
  return count;
}

/** A cell's value as companyInputSchema expects it. */
function inputValue(field: Field, value: string): unknown {
  switch (field) {
    case 'kind':
      return value === '' ? 'company' : (KINDS[headerKey(value)] ?? value);
    case 'publicListing': {
      const key = value.toLowerCase();
      return value === '' ? false : YES.has(key) ? true : NO.has(key) ? false : value;
    }
    case 'latitude':
    case 'longitude':
      return /^-?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
    case 'employees':
      // German thousands separator: 1.200 employees.
      return /^\d{1,3}(?:\.\d{3})+$/.test(value) ? value.replace(/\./g, '') : value;
    default:
      return value;
  }
}

/**
 * Reads a supplier CSV: `;` or `,` (whichever splits the header into more columns), UTF-8
 * with or without BOM, English or German headers. A problem with the whole file (encoding,
 * missing required columns, a quote never closed) is one German error; a problem with one
 * row stays with that row, so the other rows can still be imported.
 */
export function parseCompanyCsv(content: Buffer | string): CsvParseResult {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return { ok: false, error: t.notUtf8 };
  }
  const delimiter = detectDelimiter(buffer);
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // With `info`, each record comes with the byte offset after it, for line numbers.
    records = parse(buffer, {
      delimiter,
      bom: true,
      info: true,
      relax_quotes: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const code = (error as { code?: string }).code;
    return { ok: false, error: t.unreadable(line ?? 1, code === 'CSV_QUOTE_NOT_CLOSED' ? t.quoteNotClosed : t.malformed) };
  }

  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord || headerRecord.record.every((cell) => cell.trim() === '')) return { ok: false, error: t.empty };
  const header = headerRecord.record.map((cell) => cell.trim());
  const columns: ((typeof COLUMNS)[number] | undefined)[] = header.map((name) => BY_HEADER.get(headerKey(name)));
  const labels: Partial<Record<Field, string>> = {};
  for (const [i, column] of columns.entries()) {
    if (!column) continue;
    if (labels[column.field]) return { ok: false, error: t.duplicateColumn(labels[column.field]!, header[i]!) };
    labels[column.field] = header[i]!;
  }
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.some((c) => c?.column === name));
  if (missing.length > 0) return { ok: false, error: t.missingColumns(missing) };

  const rows: CsvRow[] = [];
  let offset = headerRecord.info.bytes;
  let line = 1 + lineBreaks(buffer, 0, offset);
  for (const { record, info } of dataRecords) {
    const rowNumber = line;
    line += lineBreaks(buffer, offset, info.bytes);
    offset = info.bytes;
    const cells = record.map((cell) => unescapeCell(cell.trim()));
    if (cells.every((cell) => cell === '')) continue; // blank line, or only delimiters
    if (cells.length < header.length || cells.slice(header.length).some((cell) => cell !== '')) {
      rows.push({ rowNumber, error: t.fieldCount(cells.length, header.length) });
      continue;
    }
    // A column the file leaves out reads like an empty cell.
    const input: Record<string, unknown> = Object.fromEntries(COLUMNS.map((c) => [c.field, inputValue(c.field, '')]));
    for (const [i, column] of columns.entries()) {
      if (column) input[column.field] = inputValue(column.field, cells[i]!);
    }
    rows.push({ rowNumber, input });
  }
  return {
    ok: true,
    rows,
    delimiter,
    labels,
    ignoredColumns: header.filter((name, i) => name !== '' && !columns[i]),
  };
}

/** The label of a field in messages: the file's own header, else the canonical column name. */
export function columnLabel(field: string, labels: Partial<Record<Field, string>> = {}): string {
  return labels[field as Field] ?? COLUMNS.find((c) => c.field === field)?.column ?? field;
}

/** What the export needs of a company: the stored columns the CSV format names. */
export type ExportedCompany = Pick<Company, (typeof COLUMNS)[number]['field']>;

function cellOf(company: ExportedCompany, field: Field): string {
  const value = company[field as keyof ExportedCompany];
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('|');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // Decimal comma: German spreadsheet programs read "11.03" as the 11th of March.
  if (field === 'latitude' || field === 'longitude') return String(value).replace('.', ',');
  return String(value);
}

/**
 * Companies as a CSV file in the import format (`;`, UTF-8 with BOM and CRLF for Excel, lists
 * joined with |): importing the result again changes nothing.
 */
export function toCsv(companies: ExportedCompany[]): string {
  return toSpreadsheetCsv(
    CSV_COLUMNS,
    companies.map((company) => COLUMNS.map((c) => cellOf(company, c.field))),
  );
}
