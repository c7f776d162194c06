'use client';

import { type FormEvent, useRef, useState } from 'react';
import { messages } from '@/lib/i18n';
import type { ImportReport } from '@/lib/suppliers/import';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { describedBy, Field } from '../ui/field';
import { FilePicker } from '../ui/file-picker';

const t = messages.importer;

type Report = ImportReport & { ignoredColumns: string[]; seconds: number };
type Line = { type: 'progress'; done: number; total: number } | ({ type: 'report' } & Report) | { type: 'error'; error: string };

type State =
  | { phase: 'idle' }
  | { phase: 'running'; done?: number; total?: number }
  | { phase: 'done'; report: Report }
  | { phase: 'failed'; error: string };

/** Reads the NDJSON answer of the import route line by line as it arrives. */
async function* lines(response: Response): AsyncGenerator<Line> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += value ?? '';
    const complete = buffered.split('\n');
    buffered = done ? '' : complete.pop()!;
    for (const line of complete) if (line.trim()) yield JSON.parse(line) as Line;
    if (done) return;
  }
}

const headCell = 'px-3 py-2 text-left font-semibold';
const cell = 'px-3 py-2 align-top';

/** Uploads a supplier CSV, shows the progress as the server reports it, then the report. */
export function ImportForm({ maxMb }: { maxMb: number }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [fileError, setFileError] = useState<string>();
  const hint = t.fileHint(maxMb);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setFileError(undefined);
    if (!file) return setFileError(t.chooseFile);
    if (file.size > maxMb * 1024 * 1024) return setFileError(t.tooLarge(maxMb));
    setState({ phase: 'running' });
    try {
      const response = await fetch('/api/admin/import', {
        method: 'POST',
        body: file,
        headers: { 'content-type': 'text/csv' },
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        return setState({ phase: 'failed', error: body.error ?? messages.errors.unexpected });
      }
      for await (const line of lines(response)) {
        if (line.type === 'progress') setState({ phase: 'running', done: line.done, total: line.total });
        else if (line.type === 'report') return setState({ phase: 'done', report: line });
        else return setState({ phase: 'failed', error: line.error });
      }
      setState({ phase: 'failed', error: t.failed });
    } catch {
      setState({ phase: 'failed', error: messages.errors.unexpected });
    }
  };

  const running = state.phase === 'running';
  return (
    <div className="space-y-6">
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        <Field id="import-file" label={t.file} required hint={hint} error={fileError}>
          <FilePicker
            inputRef={fileInput}
            {...describedBy('import-file', { hint, error: fileError })}
            name="file"
            accept=".csv,text/csv"
            disabled={running}
          />
        </Field>
        <Button type="submit" disabled={running}>
          {running ? t.running : t.submit}
        </Button>
      </form>

      {(state.phase === 'running' || state.phase === 'done') && (
        <div className="space-y-2" aria-live="polite">
          <label htmlFor="import-progress" className="block font-medium text-slate-900">
            {t.progressLabel}
          </label>
          <progress
            id="import-progress"
            className="h-3 w-full accent-brand-700"
            max={state.phase === 'running' ? (state.total ?? undefined) : 1}
            value={state.phase === 'running' ? state.done : 1}
          />
          <p className="text-sm text-slate-700">
            {state.phase === 'running'
              ? state.total === undefined
                ? t.uploading
                : t.progress(state.done ?? 0, state.total)
              : t.progress(state.report.total, state.report.total)}
          </p>
        </div>
      )}

      {state.phase === 'failed' && <Alert tone="error">{state.error}</Alert>}
      {state.phase === 'done' && <ImportReportView report={state.report} />}
    </div>
  );
}

function ImportReportView({ report }: { report: Report }) {
  const counts = [
    [t.counts.created, report.created],
    [t.counts.updated, report.updated],
    [t.counts.unchanged, report.unchanged],
    [t.counts.skipped, report.skipped.length],
  ] as const;
  return (
    <section aria-labelledby="import-report-title" className="space-y-4">
      <h2 id="import-report-title" className="text-lg font-semibold text-slate-900">
        {t.reportTitle}
      </h2>
      <Alert tone={report.skipped.length > 0 ? 'info' : 'success'}>
        {t.total(report.total)} · {t.duration(report.seconds)}
      </Alert>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-bold text-slate-900">{value.toLocaleString('de-DE')}</dd>
          </div>
        ))}
      </dl>
      {report.ignoredColumns.length > 0 && <p className="text-sm text-slate-700">{t.ignoredColumns(report.ignoredColumns)}</p>}

      <h3 id="import-skipped-title" className="font-semibold text-slate-900">
        {t.skippedTitle}
      </h3>
      {report.skipped.length === 0 ? (
        <p className="text-slate-700">{t.noneSkipped}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table aria-labelledby="import-skipped-title" className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className={`${headCell} w-20`}>
                  {t.row}
                </th>
                <th scope="col" className={headCell}>
                  {t.reason}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {report.skipped.map((s) => (
                <tr key={s.row}>
                  <td className={`${cell} tabular-nums`}>{s.row}</td>
                  <td className={`${cell} wrap-anywhere`}>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {report.changed.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <summary className="cursor-pointer font-semibold text-slate-900">{t.changedTitle(report.changed.length)}</summary>
          <div className="mt-3 max-h-96 overflow-auto">
            <table className="w-full text-sm">
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className={`${headCell} w-20`}>
                    {t.row}
                  </th>
                  <th scope="col" className={headCell}>
                    {t.name}
                  </th>
                  <th scope="col" className={headCell}>
                    {t.outcome}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {report.changed.map((c) => (
                  <tr key={c.row}>
                    <td className={`${cell} tabular-nums`}>{c.row}</td>
                    <td className={`${cell} wrap-anywhere`}>{c.name}</td>
                    <td className={cell}>{t.outcomes[c.outcome]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
