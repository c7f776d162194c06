import type { Metadata } from 'next';
import { NotFoundNotice } from '@/components/not-found-notice';
import { messages } from '@/lib/i18n';
import PublicLayout from './(public)/layout';

export const metadata: Metadata = { title: messages.notFound.title };

/** Addresses that match no route at all get the public frame: most of them are typed by the public. */
export default function NotFound() {
  return (
    <PublicLayout>
      <NotFoundNotice />
    </PublicLayout>
  );
}
