import cluster from 'node:cluster';
import { createServer } from 'node:http';
import next from 'next';
import { closeDatabase } from '../db/client';
import { SOCKET_IP_HEADER } from '../lib/client-ip';
import { nodeRoute, serveWithWebHandler } from '../lib/http/node-routes';
import { protectRequest } from '../lib/http/protect-request';
import { config, fixConfig, loopbackBaseUrlWarning } from '../lib/config';
import { log } from '../lib/log';
import { productionRefusal } from '../lib/production-env';
import { ensureBuild } from './ensure-build';
import { runPrimary, workerCount } from './workers';

/**
 * Lotse's HTTP server: Next.js behind a thin Node server that records the TCP peer address
 * (Next.js exposes none, and a client can forge X-Forwarded-For), sets the security headers,
 * refuses cross-site writes (lib/http/protect-request.ts) and logs one line per request. A few hot
 * public routes it answers itself, without Next.js (lib/http/node-routes.ts).
 * With more than one worker (WEB_CONCURRENCY, scripts/workers.ts) this process is the primary
 * and each worker runs the app with its own database pool.
 */
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '0.0.0.0';

const refusal = productionRefusal();
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
if (!dev && cluster.isPrimary) ensureBuild();
const workers = workerCount(process.env, dev);
if (cluster.isPrimary && workers > 1) {
  runPrimary(workers);
  announce();
} else {
  await serve();
}

async function serve() {
  const app = next({ dev, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  if (!dev) fixConfig();

  const server = createServer((req, res) => {
    const started = performance.now();
    req.headers[SOCKET_IP_HEADER] = req.socket.remoteAddress ?? 'unknown';
    const path = (req.url ?? '/').split('?')[0];
    if (!path?.startsWith('/_next/')) {
      res.on('finish', () => {
        const ms = Math.round((performance.now() - started) * 10) / 10;
        log.info({ event: 'request', method: req.method, path, status: res.statusCode, ms, pid: process.pid });
      });
    }
    if (!protectRequest(req, res, { isDev: dev })) return;
    const route = nodeRoute(req.method, path ?? '/');
    if (route) void serveWithWebHandler(req, res, route);
    else void handle(req, res);
  });

  // Workers share the primary's port; only a single process announces itself.
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) announce();
  });

  const shutdown = async (signal: string) => {
    log.info({ event: 'server.stopping', signal, pid: process.pid });
    server.close();
    await closeDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function announce() {
  const { baseUrl, isDemo } = config();
  log.info({ event: 'server.listening', url: baseUrl, dev });
  const warning = loopbackBaseUrlWarning({ baseUrl, isDemo });
  if (warning) {
    log.warn({ event: 'config.base_url_loopback' });
    console.warn(warning);
  }
  if (!dev) void announceWhenReady(baseUrl);
}

/**
 * An open port is not a running app: the first request waits for the start (migrations), and
 * /api/health says "starting" until demo data is in. Only a healthy answer earns "Lotse läuft".
 */
async function announceWhenReady(baseUrl: string) {
  const local = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
  for (;;) {
    try {
      if ((await fetch(`http://${local.includes(':') ? `[${local}]` : local}:${port}/api/health`)).ok) break;
    } catch {
      // the first request can fail while the app starts
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log.info({ event: 'server.ready', url: baseUrl });
  console.log(`\nLotse läuft: ${baseUrl}\n`);
}
