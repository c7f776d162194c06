import type { IncomingMessage, ServerResponse } from 'node:http';
import { postHelpRequest } from '../intake/http';
import { logError } from '../log';

type WebHandler = (request: Request) => Promise<Response>;

/**
 * Routes the app server (scripts/server.ts) answers itself, before Next.js, keyed by method and
 * path. Each is a plain web handler in lib/ and exists only here: Next.js has no route for the
 * same method and path. Kept for hot public endpoints where Next.js's own per-request work is
 * most of the cost (docs/benchmarks.md, "Intake throughput").
 */
const routes = new Map<string, WebHandler>([['POST /api/requests', postHelpRequest]]);

/** Method and path of every route the app server answers itself (for the authorization matrix test). */
export function nodeRoutes(): { method: string; path: string }[] {
  return [...routes.keys()].map((key) => {
    const [method, path] = key.split(' ') as [string, string];
    return { method, path };
  });
}

/** The handler of this method and path, if the app server answers it itself. */
export function nodeRoute(method: string | undefined, path: string): WebHandler | undefined {
  return routes.get(`${method} ${path}`);
}

/** Answers a Node request with a web handler: its body streamed in, its response written back. */
export async function serveWithWebHandler(req: IncomingMessage, res: ServerResponse, handler: WebHandler): Promise<void> {
  let response: Response;
  try {
    response = await handler(webRequest(req));
  } catch (error) {
    // Handlers answer their own failures; this is a request broken off while its body was read.
    logError('http.node_route.error', error);
    res.destroy();
    return;
  }
  // A body left unread (refused for its size) is not drained: the connection closes instead.
  if (!req.complete) res.setHeader('connection', 'close');
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

function webRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  // The handlers read path and headers, never the URL's host: no Host header can make this throw.
  return new Request(new URL(req.url ?? '/', 'http://localhost'), {
    method: req.method,
    headers,
    body: hasBody ? bodyStream(req) : undefined,
    duplex: 'half',
  } as RequestInit);
}

/**
 * The request body as a web stream that reads only as fast as the handler pulls. Unlike
 * `Readable.toWeb`, cancelling it (a body over the size limit) pauses the request instead of
 * destroying its socket, so the refusal can still be sent.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (open) controller.close();
        open = false;
      });
      req.on('error', (error) => {
        if (open) controller.error(error);
        open = false;
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.pause();
    },
  });
}
