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
    // Forms send their attachments to server actions (default limit 1 MB); raise both limits
    // together with ATTACHMENT_MAX_FILES or ATTACHMENT_MAX_BYTES.
    serverActions: { bodySizeLimit: '60mb' },
  },
};

export default nextConfig;
