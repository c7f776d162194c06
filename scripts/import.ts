// Imports suppliers from a CSV file: npm run import -- FILE.csv [--verbose]
// On the embedded database this refuses to run while the server has it open (one process
// only); import through /admin/import then. Exit code 0 once the file was processed, even
// with skipped rows; 1 when the file or the database could not be used at all.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDatabase, getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { messages } from '../lib/i18n';
import { parseCompanyCsv } from '../lib/suppliers/csv';
import { importCompanies } from '../lib/suppliers/import';

const t = messages.importer;

async function main(): Promise<number> {
  let file: string;
  let verbose: boolean;
  try {
    const { values, positionals } = parseArgs({ options: { verbose: { type: 'boolean', short: 'v' } }, allowPositionals: true });
    if (positionals.length !== 1) throw new Error('one file');
    file = positionals[0]!;
    verbose = values.verbose ?? false;
  } catch {
    console.error(t.cliUsage);
    return 1;
  }

  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    console.error(t.cliFileMissing(file));
    return 1;
  }
  const parsed = parseCompanyCsv(content);
  if (!parsed.ok) {
    console.error(parsed.error);
    return 1;
  }

  try {
    try {
      await prepareDatabase(getDatabaseHandle());
    } catch (error) {
      // Above all: the embedded database is open in the running server.
      console.error(error instanceof Error ? error.message : error);
      return 1;
    }
    console.log(t.cliReading(file));
    const started = performance.now();
    const showProgress = process.stderr.isTTY;
    const report = await importCompanies(parsed.rows, {
      labels: parsed.labels,
      source: 'csv-import',
      onProgress: showProgress
        ? (done, total) => {
            process.stderr.write(`\r${t.progress(done, total)}`);
          }
        : undefined,
    });
    if (showProgress) process.stderr.write('\n');

    console.log(t.cliSummary({ ...report, skipped: report.skipped.length }));
    console.log(t.duration((performance.now() - started) / 1000));
    if (parsed.ignoredColumns.length > 0) console.log(t.ignoredColumns(parsed.ignoredColumns));
    const listed = report.changed.filter((c) => verbose || c.outcome === 'updated');
    if (listed.length > 0) {
      console.log(verbose ? t.changedTitle(listed.length) : `${t.counts.updated}:`);
      for (const c of listed) console.log(t.cliChanged(c.row, t.outcomes[c.outcome], c.name));
    }
    if (report.skipped.length > 0) {
      console.log(`${t.skippedTitle}:`);
      for (const s of report.skipped) console.log(t.cliSkipped(s.row, s.reason));
    }
    return 0;
  } catch (error) {
    console.error(t.failed, error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main();
