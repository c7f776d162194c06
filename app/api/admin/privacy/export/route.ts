import { type NextRequest, NextResponse } from 'next/server';
import { authorizeRequest } from '@/app/guards';
import { messages } from '@/lib/i18n';
import { log } from '@/lib/log';
import { exportRequester } from '@/lib/privacy/requester';
import { requesterEmailSchema } from '@/lib/privacy/schema';

/** Admins download everything stored about one requester (`?email=`) as JSON (Art. 15 DSGVO). */
export async function GET(request: NextRequest) {
  const user = await authorizeRequest('admin');
  if (user instanceof NextResponse) return user;
  const parsed = requesterEmailSchema.safeParse({ email: request.nextUrl.searchParams.get('email') ?? '' });
  if (!parsed.success) return NextResponse.json({ error: messages.dataProtection.invalidExport }, { status: 400 });
  const data = await exportRequester(parsed.data.email);
  log.info({ event: 'privacy.exported', by: user.id, cases: data.cases.length, mails: data.mails.length });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${messages.dataProtection.exportFilename}"`,
      'cache-control': 'no-store',
    },
  });
}
