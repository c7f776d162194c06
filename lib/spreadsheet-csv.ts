import { stringify } from 'csv-stringify/sync';

// A cell starting with one of these is a formula to spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r']/;
const PLAIN_NUMBER = /^[+-]?[\d\s()/.,-]+$/;

/** Spreadsheets run cells starting with = + - @ as formulas; a leading apostrophe defuses them. */
function defuse(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** A CSV file German Excel opens as it is: `;`, UTF-8 with BOM, CRLF, no cell run as a formula. */
export function toSpreadsheetCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows.map((row) => row.map(defuse))], { delimiter: ';', record_delimiter: 'windows', bom: true });
}
