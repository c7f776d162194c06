import { clientIp } from '../client-ip';
import { config } from '../config';
import { messages } from '../i18n';
import type { GuardRefusal } from '../intake/form-guard';
import { IDEMPOTENCY_KEY } from '../intake/schema';
import { logError } from '../log';
import { readJsonBody } from './read-json';

// Generous for a 5,000-character text in any script, tight enough to refuse floods.
export const MAX_BODY_BYTES = 64 * 1024;

type IntakeCall = { ok: true; body: object; ip: string; idempotencyKey?: string } | { ok: false; response: Response };

/** A public JSON submission (help request, offer): its object body, the caller's address and its Idempotency-Key. */
async function readIntakeCall(request: Request): Promise<IntakeCall> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    const error = body.status === 413 ? messages.errors.payloadTooLarge : messages.errors.invalidJson;
    return { ok: false, response: Response.json({ error }, { status: body.status }) };
  }
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    return { ok: false, response: Response.json({ error: messages.errors.invalidJson }, { status: 400 }) };
  }
  const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return {
      ok: false,
      response: Response.json(
        { error: messages.errors.invalidInput, field_errors: { 'Idempotency-Key': messages.errors.invalidInput } },
        { status: 400 },
      ),
    };
  }
  return { ok: true, body: body.value, ip: clientIp(request.headers, config().TRUST_PROXY_HOPS), idempotencyKey };
}

type Refusal =
  | GuardRefusal
  | { ok: false; reason: 'invalid'; error: string; fieldErrors: Record<string, string> }
  | { ok: false; reason: 'conflict'; error: string };

/** The HTTP answer to a refused submission. */
function refusalResponse(result: Refusal): Response {
  switch (result.reason) {
    case 'invalid':
      return Response.json({ error: result.error, field_errors: result.fieldErrors }, { status: 400 });
    case 'rate_limited':
      return Response.json({ error: result.error }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } });
    case 'rejected':
      return Response.json({ error: result.error }, { status: 400 });
    case 'conflict':
      return Response.json({ error: result.error }, { status: 409 });
  }
}

/** A stored submission: 201, marked as a replay when the key had stored it before. */
function createdResponse(body: object, created: boolean): Response {
  return Response.json(body, { status: 201, headers: created ? {} : { 'Idempotent-Replayed': 'true' } });
}

/** The answer when storing failed for a reason of ours (database gone): 503, try again. */
function unavailableResponse(): Response {
  return Response.json({ error: messages.errors.unexpected }, { status: 503 });
}

/**
 * A public JSON entry point (help requests, offers): reads the call, submits its body, answers
 * 201 with `answer` of the stored submission, the refusal's 4xx, or 503 when storing failed for a
 * reason of ours (logged as `errorEvent`).
 */
export function publicIntakeHandler<Stored extends { ok: true; created: boolean }>(
  submit: (body: object, context: { ip: string; idempotencyKey?: string }) => Promise<Stored | Refusal>,
  answer: (stored: Stored) => object,
  errorEvent: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const call = await readIntakeCall(request);
    if (!call.ok) return call.response;
    try {
      const result = await submit(call.body, { ip: call.ip, idempotencyKey: call.idempotencyKey });
      return result.ok ? createdResponse(answer(result), result.created) : refusalResponse(result);
    } catch (error) {
      logError(errorEvent, error);
      return unavailableResponse();
    }
  };
}
