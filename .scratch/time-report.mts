import { closeDatabase } from '/work/wt-reports/db/client';
import { loadReport } from '/work/wt-reports/lib/reports/figures';
import { casesCsv, introductionsCsv } from '/work/wt-reports/lib/reports/export';
import { berlinToday, lastWeeks } from '/work/wt-reports/lib/reports/period';

const today = berlinToday();
for (const weeks of [12, 52]) {
  const period = lastWeeks(today, weeks);
  await loadReport(period, today);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await loadReport(period, today);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  let t0 = performance.now();
  const c = await casesCsv(period);
  const csvCases = performance.now() - t0;
  t0 = performance.now();
  const i = await introductionsCsv(period);
  const csvIntro = performance.now() - t0;
  console.log(`${weeks} weeks: report median ${times[2]!.toFixed(0)} ms; cases.csv ${csvCases.toFixed(0)} ms (${(c.length / 1e6).toFixed(1)} MB); introductions.csv ${csvIntro.toFixed(0)} ms (${(i.length / 1e6).toFixed(1)} MB)`);
}
await closeDatabase();
