import { NextResponse } from 'next/server';
import { authorizeRequest } from '@/app/guards';
import { contentDisposition } from '@/lib/attachments/file-name';
import { readAttachment } from '@/lib/attachments/store';
import { messages } from '@/lib/i18n';
import { parseIdParam } from '@/lib/validation';

/**
 * Staff download one file of a case. Always as a download, never shown inline, with the type
 * detected on upload and no sniffing: a file cannot run as a page of this site.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await authorizeRequest('expert');
  if (user instanceof NextResponse) return user;
  const id = parseIdParam((await params).id);
  const file = id === undefined ? undefined : await readAttachment(id);
  if (!file) return NextResponse.json({ error: messages.attachments.notFound }, { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.mediaType || 'application/octet-stream',
      'content-length': String(file.bytes.byteLength),
      'content-disposition': contentDisposition(file.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
