import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { messages } from '@/lib/i18n';
import './globals.css';

export const metadata: Metadata = {
  title: { default: messages.app.name, template: `%s · ${messages.app.name}` },
  description: messages.app.tagline,
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce from proxy.ts is new each time, and a page
  // prerendered at build time would carry scripts without it.
  await connection();
  return (
    <html lang="de">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
