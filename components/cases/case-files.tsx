import { typeLabel } from '@/lib/attachments/types';
import { formatBytes } from '@/lib/format';
import { messages } from '@/lib/i18n';

const t = messages.attachments;

export interface FileRow {
  id: number;
  fileName: string;
  mediaType: string;
  byteSize: number;
}

/** Files of a request or message, each a download through the staff-only route; `empty` is said when there are none. */
export function CaseFiles({ files, empty }: { files: FileRow[]; empty?: string }) {
  if (files.length === 0) return empty ? <p className="text-sm text-slate-600">{empty}</p> : null;
  return (
    <ul className="divide-y divide-slate-100">
      {files.map((file) => (
        <li key={file.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
          <a
            href={`/api/attachments/${file.id}`}
            download={file.fileName}
            aria-label={t.download(file.fileName)}
            className="break-all text-brand-700 underline underline-offset-4"
          >
            {file.fileName}
          </a>
          <span className="text-sm text-slate-600">
            {typeLabel(file.mediaType)} · {formatBytes(file.byteSize)}
          </span>
        </li>
      ))}
    </ul>
  );
}
