'use client';

import { messages } from '@/lib/i18n';
import { PageNotice } from './page-notice';

const t = messages.failure;

/** What a page that failed to render shows instead, with a way to try again. */
export function ErrorNotice({ retry }: { retry: () => void }) {
  return (
    <PageNotice title={t.title}>
      <p className="text-slate-700">{t.explanation}</p>
      <button type="button" onClick={retry} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t.retry}
      </button>
    </PageNotice>
  );
}
