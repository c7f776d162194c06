// Sums vitest JSON reports into the one line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let files = process.argv.slice(2);
// Lint and typecheck that failed before the tests count as failed runs.
if (files[0] === '--failed-checks') {
  failed += Number(files[1]);
  files = files.slice(2);
}
for (const file of files) {
  if (!existsSync(file)) {
    failed += 1; // a run that produced no report counts as a failure
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A run that executed no test at all (e.g. the app failed to build) is a failure.
  if (report.numTotalTests === 0) failed += 1;
  passed += report.numPassedTests;
  // A file that fails to load has no failed tests but a failed suite; count it once.
  const brokenFiles = report.numFailedTests === 0 ? report.numFailedTestSuites : 0;
  failed += report.numFailedTests + brokenFiles;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
