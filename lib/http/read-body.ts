/**
 * The request body, or 'too_large' as soon as a declared or actual size exceeds `maxBytes`;
 * never holds more than that in memory.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Buffer | 'too_large'> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return 'too_large';
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
