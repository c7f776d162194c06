import { NextResponse } from 'next/server';
import { clientIp } from '@/lib/client-ip';
import { config } from '@/lib/config';
import { readJsonBody } from '@/lib/http/read-json';
import { messages } from '@/lib/i18n';
import { acceptHelpRequest } from '@/lib/intake/accept';
import { IDEMPOTENCY_KEY } from '@/lib/intake/schema';
import { logError } from '@/lib/log';

// Generous for a 5,000-character description in any script, tight enough to refuse floods.
const MAX_BODY_BYTES = 64 * 1024;

/** Public JSON intake for the agency's website and partner systems. */
export async function POST(request: Request) {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    const error = body.status === 413 ? messages.errors.payloadTooLarge : messages.errors.invalidJson;
    return NextResponse.json({ error }, { status: body.status });
  }
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    return NextResponse.json({ error: messages.errors.invalidJson }, { status: 400 });
  }
  const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return NextResponse.json(
      { error: messages.errors.invalidInput, field_errors: { 'Idempotency-Key': messages.errors.invalidInput } },
      { status: 400 },
    );
  }

  try {
    const result = await acceptHelpRequest(body.value, {
      ip: clientIp(request.headers, config().TRUST_PROXY_HOPS),
      idempotencyKey,
    });
    if (result.ok) {
      return NextResponse.json(
        { reference: result.reference },
        { status: 201, headers: result.created ? {} : { 'Idempotent-Replayed': 'true' } },
      );
    }
    switch (result.reason) {
      case 'invalid':
        return NextResponse.json({ error: result.error, field_errors: result.fieldErrors }, { status: 400 });
      case 'rate_limited':
        return NextResponse.json({ error: result.error }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } });
      case 'rejected':
        return NextResponse.json({ error: result.error }, { status: 400 });
      case 'conflict':
        return NextResponse.json({ error: result.error }, { status: 409 });
    }
  } catch (error) {
    logError('api.requests.error', error);
    return NextResponse.json({ error: messages.errors.unexpected }, { status: 503 });
  }
}
