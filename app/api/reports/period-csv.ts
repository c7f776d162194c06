import { type NextRequest, NextResponse } from 'next/server';
import { berlinDate } from '@/lib/format';
import { authorizeRequest } from '@/app/guards';
import { log } from '@/lib/log';
import { parseReportPeriod, type ReportPeriod } from '@/lib/reports/period';

/** A staff download of one report period as CSV; an invalid period is a 400 with the German reason. */
export async function periodCsvResponse(
  request: NextRequest,
  kind: 'cases' | 'introductions' | 'unmet_demand' | 'search_misses',
  build: (period: ReportPeriod) => Promise<string>,
  filename: (from: string, to: string) => string,
) {
  const user = await authorizeRequest('expert');
  if (user instanceof NextResponse) return user;
  const params = request.nextUrl.searchParams;
  const parsed = parseReportPeriod({ from: params.get('from'), to: params.get('to') }, berlinDate());
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: 400 });
  const csv = await build(parsed.period);
  log.info({ event: 'reports.exported', kind, userId: user.id, from: parsed.period.from, to: parsed.period.to });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename(parsed.period.from, parsed.period.to)}"`,
      'cache-control': 'no-store',
    },
  });
}
