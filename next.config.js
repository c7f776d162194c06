/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time;
  // drizzle-orm is external too so rate-limiter-flexible's dynamic import sees the same instance.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'drizzle-orm', 'rate-limiter-flexible', 'pino', 'nodemailer'],
  poweredByHeader: false,
  // forbidden() answers 403 when a signed-in user lacks the role for a page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
