import type { NextRequest } from 'next/server';
import { messages } from '@/lib/i18n';
import { searchMissesCsv } from '@/lib/reports/unmet-demand';
import { periodCsvResponse } from '../period-csv';

/** Staff download the period's supplier search terms that found nothing, with their counts. */
export function GET(request: NextRequest) {
  return periodCsvResponse(request, 'search_misses', searchMissesCsv, messages.reports.unmetDemand.export.missesFilename);
}
