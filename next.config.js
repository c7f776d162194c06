/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time;
  // drizzle-orm is external too so rate-limiter-flexible's dynamic import sees the same instance.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'drizzle-orm', 'rate-limiter-flexible', 'pino', 'nodemailer'],
  poweredByHeader: false,
  // Next.js gzips every streamed response, even a 40-byte JSON answer: about 6 % of the
  // server's CPU per intake request (docs/benchmarks.md). The reverse proxy in front
  // (README, "Running several instances") compresses instead, on its own cores.
  compress: false,
  experimental: {
    // forbidden() answers 403 when a signed-in user lacks the role for a page.
    authInterrupts: true,
    // proxy.ts makes Next.js buffer request bodies and cut them off at this size (default 10 MB):
    // it must exceed the largest upload: the supplier import (IMPORT_MAX_MB in lib/suppliers/import.ts)
    // and a form with its attachments (ATTACHMENT_MAX_FILES × ATTACHMENT_MAX_BYTES, 5 × 10 MB by default).
    proxyClientMaxBodySize: '60mb',
    // Forms send their attachments to server actions (default limit 1 MB); raise both limits
    // together with ATTACHMENT_MAX_FILES or ATTACHMENT_MAX_BYTES.
    serverActions: { bodySizeLimit: '60mb' },
  },
};

export default nextConfig;
