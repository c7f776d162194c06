import { sql } from '/work/wt-reports/node_modules/drizzle-orm/index.js';
import { closeDatabase, db } from '/work/wt-reports/db/client';
import { caseInPeriod, berlinWeekOf, firstIntroducedOn, firstResolvedAt, caseCreatedDay, introductionInPeriod } from '/work/wt-reports/lib/reports/period-sql';
import { cases, introductions } from '/work/wt-reports/db/schema';
import { berlinToday, lastWeeks } from '/work/wt-reports/lib/reports/period';

const period = lastWeeks(berlinToday(), 12);
const queries: Record<string, any> = {
  weekCategory: db.select({ w: berlinWeekOf(cases.createdAt), c: cases.category, n: sql`count(*)` }).from(cases).where(caseInPeriod(period)).groupBy(sql`1`, sql`2`),
  response: db.select({ m: sql`percentile_cont(0.5) within group (order by extract(epoch from ${cases.firstRespondedAt} - ${cases.createdAt}))` }).from(cases).where(caseInPeriod(period)),
  intro: db.select({ m: sql`percentile_cont(0.5) within group (order by ${firstIntroducedOn} - ${caseCreatedDay})` }).from(cases).where(caseInPeriod(period)),
  resolved: db.select({ m: sql`percentile_cont(0.5) within group (order by extract(epoch from ${firstResolvedAt} - ${cases.createdAt}))` }).from(cases).where(caseInPeriod(period)),
  introWeeks: db.select({ n: sql`count(*)` }).from(introductions).where(introductionInPeriod(period)),
};
for (const [name, q] of Object.entries(queries)) {
  const t0 = performance.now();
  await q;
  const ms = performance.now() - t0;
  const plan = await db.execute(sql`explain (analyze, costs off, timing off) ${q.getSQL()}`);
  console.log(`--- ${name}: ${ms.toFixed(0)} ms`);
  console.log((plan as any).map((r: any) => r['QUERY PLAN']).join('\n'));
}
await closeDatabase();
