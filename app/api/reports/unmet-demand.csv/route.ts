import type { NextRequest } from 'next/server';
import { messages } from '@/lib/i18n';
import { unmetDemandCsv } from '@/lib/reports/unmet-demand';
import { periodCsvResponse } from '../period-csv';

/** Staff download the period's cases whose demand the desk could not meet, with the reasons. */
export function GET(request: NextRequest) {
  return periodCsvResponse(request, 'unmet_demand', unmetDemandCsv, messages.reports.unmetDemand.export.casesFilename);
}
