// Imports suppliers from a CSV file: npm run import -- FILE.csv [--verbose]
// On the embedded database this refuses to run while the server has it open (one process
// only); import through /admin/import then. Exit code 0 once the file was processed, even
// with skipped rows; 1 when the file or the database could not be used at all.
import { runCli } from './cli';
import { readFileSync } from 'node:fs';
import { messages } from '../lib/i18n';
import { parseCompanyCsv } from '../lib/suppliers/csv';
import { importCompanies } from '../lib/suppliers/import';

const t = messages.importer;

function readCsv(file: string) {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return { ok: false as const, error: t.cliFileMissing(file) };
  }
  return parseCompanyCsv(content);
}

await runCli({
  usage: t.cliUsage,
  options: { verbose: { type: 'boolean', short: 'v' } },
  parse: ({ values, positionals }) => (positionals.length === 1 ? { file: positionals[0]!, verbose: values.verbose === true } : undefined),
  database: true,
  failed: t.failed,
  run: async ({ file, verbose }) => {
    const parsed = readCsv(file);
    if (!parsed.ok) {
      console.error(parsed.error);
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
  },
});
