import type { NextRequest } from 'next/server';
import { messages } from '@/lib/i18n';
import { introductionsCsv } from '@/lib/reports/export';
import { periodCsvResponse } from '../period-csv';

/** Staff download the introductions made during `?from=YYYY-MM-DD&to=YYYY-MM-DD` (default: the report's default period). */
export function GET(request: NextRequest) {
  return periodCsvResponse(request, 'introductions', introductionsCsv, messages.reports.export.introductionsFilename);
}
