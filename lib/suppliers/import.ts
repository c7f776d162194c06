import { asc, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { db, type Executor } from '../../db/client';
import { companies, type Company } from '../../db/schema';
import { geocodePostalCode, type Location } from '../geo/geocode';
import { messages } from '../i18n';
import { columnLabel, type CsvRow, type ExportedCompany } from './csv';
import { type CompanyInput, companyInputSchema } from './schema';
import { sectorIndex } from './sector-index';
import { fold } from './text';
import { fieldErrorsOf } from '../validation';
import { createCompanies, type Geocoder, updateCompanies } from './write';

const t = messages.importer;

export interface SkippedRow {
  row: number;
  reason: string;
}

export interface ImportReport {
  /** Data rows in the file (blank lines not counted). */
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: SkippedRow[];
  /** Every created or updated row, for the report's list. */
  changed: { row: number; name: string; outcome: 'created' | 'updated' }[];
}

export interface ImportOptions {
  actorId?: number;
  /** Called as rows are processed (about a hundred times per import); awaited, so it may yield. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** The file's own column headers, so reasons name fields as the user wrote them. */
  labels?: Parameters<typeof columnLabel>[1];
  /** Recorded on new companies; defaults to "csv-import". */
  source?: string;
  executor?: Executor;
}

interface ValidRow {
  row: number;
  input: CompanyInput;
}

/** Largest CSV file the upload accepts (about 50,000 rows). */
export const IMPORT_MAX_MB = 20;

// Arbitrary constant: two imports at once would both create the same new companies.
const IMPORT_LOCK = 4_711_2027;
const PREFETCH_CHUNK = 2000;
const WRITE_BATCH = 250;

const nameKey = (name: string, postalCode: string) => `${name.toLowerCase()}|${postalCode}`;

/** A German message for the issues whose schema message is missing or misleading in an import. */
function importMessage(field: string, issue: z.core.$ZodIssue, raw: Record<string, unknown>): string | undefined {
  if (field === 'kind') return t.invalidKind(String(raw.kind));
  if (field === 'publicListing') return t.invalidYesNo(String(raw.publicListing));
  if (issue.code === 'too_small' && issue.origin === 'number') return t.atLeast(Number(issue.minimum));
  if (issue.code === 'too_big' && issue.origin === 'number') return t.atMost(Number(issue.maximum));
  if (issue.code === 'too_big' && issue.origin === 'array') return t.tooManyValues(Number(issue.maximum));
  if (issue.code === 'too_big' && issue.origin === 'string') return messages.errors.tooLong(Number(issue.maximum));
  if (issue.code === 'invalid_type' && issue.expected === 'int') return t.wholeNumber;
  return undefined;
}

/** German reason for a refused row, each field named as in the file. */
function reasonOf(error: z.ZodError, raw: Record<string, unknown>, labels: ImportOptions['labels']): string {
  const byField = fieldErrorsOf(error);
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.add(field);
    byField[field] = importMessage(field, issue, raw) ?? byField[field]!;
  }
  return Object.entries(byField)
    .map(([field, message]) => `${columnLabel(field, labels)}: ${message}`)
    .join(' ');
}

/** Validates every row; refused rows and repeated companies go to `skipped`, never further. */
async function validate(executor: Executor, rows: CsvRow[], labels: ImportOptions['labels'], source: string) {
  const sectors = await sectorIndex(executor);
  const valid: ValidRow[] = [];
  const skipped: SkippedRow[] = [];
  const rowOfExternalId = new Map<string, number>();
  const rowOfName = new Map<string, number>();
  const rowOfNameWithoutId = new Map<string, number>();
  for (const { rowNumber: row, input: raw, error } of rows) {
    if (!raw) {
      skipped.push({ row, reason: error ?? t.unreadableRow });
      continue;
    }
    const parsed = companyInputSchema.safeParse(raw);
    if (!parsed.success) {
      skipped.push({ row, reason: reasonOf(parsed.error, raw, labels) });
      continue;
    }
    const input = { ...parsed.data, source: parsed.data.source ?? source };
    const unknownSector = input.sectors.find((code) => !sectors.has(code));
    if (unknownSector) {
      skipped.push({ row, reason: `${columnLabel('sectors', labels)}: ${t.unknownSector(unknownSector)}` });
      continue;
    }
    // The same company twice in one file: the second row would undo or fight the first.
    const key = nameKey(input.name, input.postalCode);
    const sameId = input.externalId ? rowOfExternalId.get(input.externalId) : undefined;
    const sameName = input.externalId ? rowOfNameWithoutId.get(key) : rowOfName.get(key);
    if (sameId !== undefined) {
      skipped.push({ row, reason: t.duplicateExternalId(sameId) });
      continue;
    }
    if (sameName !== undefined) {
      skipped.push({ row, reason: t.duplicateNamePostal(sameName) });
      continue;
    }
    if (input.externalId) rowOfExternalId.set(input.externalId, row);
    else rowOfNameWithoutId.set(key, row);
    if (!rowOfName.has(key)) rowOfName.set(key, row);
    valid.push({ row, input });
  }
  return { valid, skipped };
}

/** The stored companies the rows may describe, locked for the import, in a few queries. */
async function prefetch(tx: Executor, inputs: CompanyInput[]) {
  const byExternalId = new Map<string, Company>();
  const byName = new Map<string, Company[]>();
  for (let i = 0; i < inputs.length; i += PREFETCH_CHUNK) {
    const chunk = inputs.slice(i, i + PREFETCH_CHUNK);
    // The keys travel as one JSON parameter each: a long IN list of row values is slow to plan
    // and overflows PGlite's stack.
    const externalIds = JSON.stringify(chunk.flatMap((input) => (input.externalId ? [input.externalId] : [])));
    const names = JSON.stringify(chunk.map((input) => ({ name: input.name, postal: input.postalCode })));
    const found = await tx
      .select()
      .from(companies)
      .where(
        or(
          sql`${companies.externalId} in (select jsonb_array_elements_text(${externalIds}::jsonb))`,
          sql`(lower(${companies.name}), ${companies.postalCode}) in
            (select lower(k.name), k.postal from jsonb_to_recordset(${names}::jsonb) as k(name text, postal text))`,
        ),
      )
      .orderBy(asc(companies.id))
      .for('update');
    for (const company of found) {
      if (company.externalId) byExternalId.set(company.externalId, company);
      const key = nameKey(company.name, company.postalCode);
      const list = byName.get(key) ?? [];
      if (!list.some((c) => c.id === company.id)) list.push(company);
      byName.set(key, list);
    }
  }
  /** Same external id; else same name and postal code, unless that company has another external id. */
  return (input: CompanyInput): Company | undefined => {
    const byId = input.externalId ? byExternalId.get(input.externalId) : undefined;
    if (byId) return byId;
    const candidates = byName.get(nameKey(input.name, input.postalCode)) ?? [];
    return candidates.find((c) => !input.externalId || c.externalId === null);
  };
}

/** Geocodes each postal code and place once per import. */
function cachedGeocoder(tx: Executor): Geocoder {
  const cache = new Map<string, Promise<Location | null>>();
  return (postalCode, city) => {
    const key = `${postalCode}|${fold(city)}`;
    let location = cache.get(key);
    if (!location) {
      location = geocodePostalCode(tx, postalCode, city);
      cache.set(key, location);
    }
    return location;
  };
}

/**
 * Imports parsed CSV rows: every row is validated first and a bad one is skipped with its
 * reason; the good ones are created or updated (matched by external id, else by name and
 * postal code) in one transaction, so a failure leaves the database as it was. Importing the
 * same rows again changes nothing.
 */
export async function importCompanies(rows: CsvRow[], options: ImportOptions = {}): Promise<ImportReport> {
  const total = rows.length;
  const report: ImportReport = { total, created: 0, updated: 0, unchanged: 0, skipped: [], changed: [] };
  const executor = options.executor ?? db;
  const { valid, skipped } = await validate(executor, rows, options.labels, options.source ?? 'csv-import');
  report.skipped = skipped;
  let done = skipped.length;
  let reported = -1;
  const progress = async (force = false) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (!force && percent === reported) return;
    reported = percent;
    await options.onProgress?.(done, total);
  };
  await progress(true);

  if (valid.length > 0) {
    const result = await executor.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const matchOf = await prefetch(
        tx,
        valid.map((v) => v.input),
      );
      const geocode = cachedGeocoder(tx);
      const rowOfCompany = new Map<number, number>();
      const partial = { created: 0, updated: 0, unchanged: 0, skipped: [] as SkippedRow[], changed: [] as ImportReport['changed'] };
      const saveOptions = { actorId: options.actorId, eventType: 'imported' as const, geocode };
      // Rows are written in batches: a statement per row would dominate the time.
      let creates: ValidRow[] = [];
      let updates: (ValidRow & { existing: Company })[] = [];
      const flushCreates = async () => {
        if (creates.length === 0) return;
        await createCompanies(
          tx,
          creates.map((c) => c.input),
          saveOptions,
        );
        for (const { row, input } of creates) partial.changed.push({ row, name: input.name, outcome: 'created' });
        partial.created += creates.length;
        done += creates.length;
        creates = [];
        await progress();
      };
      const flushUpdates = async () => {
        if (updates.length === 0) return;
        const outcomes = await updateCompanies(tx, updates, saveOptions);
        for (const [i, outcome] of outcomes.entries()) {
          partial[outcome]++;
          const { row, input } = updates[i]!;
          if (outcome !== 'unchanged') partial.changed.push({ row, name: input.name, outcome: 'updated' });
        }
        done += updates.length;
        updates = [];
        await progress();
      };
      for (const { row, input } of valid) {
        const existing = matchOf(input);
        if (!existing) {
          creates.push({ row, input });
          if (creates.length >= WRITE_BATCH) await flushCreates();
          continue;
        }
        const earlierRow = rowOfCompany.get(existing.id);
        if (earlierRow !== undefined) {
          partial.skipped.push({ row, reason: t.sameCompany(earlierRow) });
          done++;
          continue;
        }
        rowOfCompany.set(existing.id, row);
        // A file without external ids does not erase the ids already stored.
        const keepId = existing.externalId && !input.externalId ? { ...input, externalId: existing.externalId } : input;
        updates.push({ row, input: keepId, existing });
        if (updates.length >= WRITE_BATCH) await flushUpdates();
      }
      await flushCreates();
      await flushUpdates();
      partial.changed.sort((a, b) => a.row - b.row);
      return partial;
    });
    report.created = result.created;
    report.updated = result.updated;
    report.unchanged = result.unchanged;
    report.skipped = [...report.skipped, ...result.skipped].sort((a, b) => a.row - b.row);
    report.changed = result.changed;
  }
  await progress(true);
  return report;
}

/** Companies for the CSV export: the given ids in that order, or all by name. */
export async function companiesForExport(ids?: number[]): Promise<ExportedCompany[]> {
  if (!ids) return db.select().from(companies).orderBy(asc(companies.name), asc(companies.id));
  const byId = new Map<number, Company>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    for (const company of await db.select().from(companies).where(inArray(companies.id, chunk))) byId.set(company.id, company);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
