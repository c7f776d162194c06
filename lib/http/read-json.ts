import { readBodyLimited } from './read-body';

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 };

/** A JSON body of at most `maxBytes`: larger gives 413, anything that is not UTF-8 JSON 400. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const body = await readBodyLimited(request, maxBytes);
  if (body === 'too_large') return { ok: false, status: 413 };
  if (body.length === 0) return { ok: false, status: 400 };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) };
  } catch {
    return { ok: false, status: 400 };
  }
}
