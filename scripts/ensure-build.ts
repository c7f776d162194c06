import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'instrumentation.ts',
  'instrumentation-client.ts',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];
const STAMP = path.join(ROOT, '.next', 'lotse-source-hash');

function hashTree(hash: ReturnType<typeof createHash>, target: string) {
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    for (const entry of readdirSync(target).sort()) hashTree(hash, path.join(target, entry));
    return;
  }
  hash.update(path.relative(ROOT, target));
  hash.update(readFileSync(target));
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) hashTree(hash, path.join(ROOT, source));
  return hash.digest('hex');
}

const LOCK = path.join(ROOT, '.next-build.lock');

/** Two test runs in one checkout must not build into .next at the same time. */
function withBuildLock(build: () => void) {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${LOCK} held for too long; remove it if no build runs`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    build();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** Builds the app unless the last build was made from exactly the current sources. */
export function ensureBuild() {
  withBuildLock(buildIfStale);
}

function buildIfStale() {
  const current = sourceHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === current) return;
  console.log('Lotse: building the app (first start or changed sources) …');
  // The build must not depend on (or reach) the database or secrets of the environment.
  const { DATABASE_URL: _database, NEXTAUTH_SECRET: _secret, AUTH_SECRET: _authSecret, ...env } = process.env;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PGLITE_DIR: 'memory://' },
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  writeFileSync(STAMP, current);
}
