import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRoute, serveWithWebHandler } from '@/lib/http/node-routes';
import { MAX_BODY_BYTES } from '@/lib/http/public-intake';
import { messages } from '@/lib/i18n';
import { postHelpRequest } from '@/lib/intake/http';
import { REFERENCE_PATTERN } from '@/lib/validation';
import { validRequest } from '../helpers/fixtures';

// The app server's own routes (scripts/server.ts answers them before Next.js), through a real socket.
let server: Server;
let port: number;
/** Bytes the server had read from the last request's socket when its answer was sent. */
let readBeforeAnswer = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/cookies') {
      void serveWithWebHandler(req, res, async () => {
        const headers = new Headers({ 'content-type': 'text/plain' });
        headers.append('set-cookie', 'a=1; Path=/');
        headers.append('set-cookie', 'b=2; Path=/');
        return new Response('ok', { status: 202, headers });
      });
      return;
    }
    const route = nodeRoute(req.method, path);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.on('finish', () => {
      readBeforeAnswer = req.socket.bytesRead;
    });
    void serveWithWebHandler(req, res, route);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends a request; `write` may stream the body. Resolves with the answer once it has arrived completely. */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  write: (call: ReturnType<typeof request>) => void,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const call = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    call.on('error', reject); // after the answer (writing on into a closed socket) this changes nothing
    write(call);
  });
}

describe('routes the app server answers itself', () => {
  it('are POST /api/requests only; every other method and path goes to Next.js', () => {
    expect(nodeRoute('POST', '/api/requests')).toBe(postHelpRequest);
    expect(nodeRoute('GET', '/api/requests')).toBeUndefined();
    expect(nodeRoute('POST', '/api/offers')).toBeUndefined();
    expect(nodeRoute('POST', '/api/requests/')).toBeUndefined();
  });

  it('store a help request sent over HTTP and answer 201 with JSON', async () => {
    const post = () =>
      send('POST', '/api/requests', { 'content-type': 'application/json', 'idempotency-key': 'node-route-0001' }, (call) =>
        call.end(JSON.stringify(validRequest())),
      );
    const answer = await post();
    expect(answer.status).toBe(201);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect((JSON.parse(answer.body) as { reference: string }).reference).toMatch(REFERENCE_PATTERN);

    const repeat = await post();
    expect(repeat.status).toBe(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body).toBe(answer.body);
  });

  it('refuse an endless chunked body with 413 after reading about the limit, and close the connection', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(8 * 1024, ' ');
    const answer = await send('POST', '/api/requests', { 'content-type': 'application/json' }, (call) => {
      const more = () => {
        while (!call.destroyed && call.write(chunk)) sent += chunk.length;
        if (!call.destroyed) call.once('drain', more);
      };
      more();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: messages.errors.payloadTooLarge });
    expect(answer.headers.connection).toBe('close');
    // The client writes on until the socket closes; the server stopped reading near the limit.
    expect(sent).toBeGreaterThan(MAX_BODY_BYTES);
    expect(readBeforeAnswer).toBeLessThan(4 * MAX_BODY_BYTES);
  });

  it('pass every Set-Cookie header of a response on', async () => {
    const answer = await send('GET', '/cookies', {}, (call) => call.end());
    expect(answer.status).toBe(202);
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(answer.body).toBe('ok');
  });
});
