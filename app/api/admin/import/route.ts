import { NextResponse } from 'next/server';
import { authorizeRequest } from '@/app/guards';
import { readBodyLimited } from '@/lib/http/read-body';
import { messages } from '@/lib/i18n';
import { log, logError } from '@/lib/log';
import { parseCompanyCsv } from '@/lib/suppliers/csv';
import { IMPORT_MAX_MB, importCompanies } from '@/lib/suppliers/import';

const t = messages.importer;
const MAX_BYTES = IMPORT_MAX_MB * 1024 * 1024;

/**
 * Admins upload a supplier CSV as the raw request body. A file that cannot be read at all is a
 * 400 with the German reason; otherwise the answer streams NDJSON lines: progress
 * (`{"type":"progress","done":n,"total":m}`), then the report or an error.
 */
export async function POST(request: Request) {
  const user = await authorizeRequest('admin');
  if (user instanceof NextResponse) return user;
  const body = await readBodyLimited(request, MAX_BYTES);
  if (body === 'too_large') return NextResponse.json({ error: t.tooLarge(IMPORT_MAX_MB) }, { status: 413 });
  if (body.length === 0) return NextResponse.json({ error: t.chooseFile }, { status: 400 });
  const parsed = parseCompanyCsv(body);
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: 400 });

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (line: Record<string, unknown>) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false; // the browser went away; the import still finishes
        }
      };
      const started = performance.now();
      try {
        const report = await importCompanies(parsed.rows, {
          actorId: user.id,
          labels: parsed.labels,
          onProgress: async (done, total) => {
            send({ type: 'progress', done, total });
            // PGlite runs queries synchronously on this thread: without a turn of the event
            // loop the progress lines would only leave together with the report.
            await new Promise((resolve) => setImmediate(resolve));
          },
        });
        const seconds = (performance.now() - started) / 1000;
        log.info({
          event: 'suppliers.imported',
          userId: user.id,
          total: report.total,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          skipped: report.skipped.length,
          ms: Math.round(seconds * 1000),
        });
        send({ type: 'report', ...report, ignoredColumns: parsed.ignoredColumns, seconds });
      } catch (error) {
        logError('suppliers.import_failed', error, { userId: user.id });
        send({ type: 'error', error: t.failed });
      }
      if (open) controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      // Reverse proxies must pass the progress lines on as they come.
      'x-accel-buffering': 'no',
    },
  });
}
