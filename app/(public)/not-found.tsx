import type { Metadata } from 'next';
import { NotFoundNotice } from '@/components/not-found-notice';
import { messages } from '@/lib/i18n';

export const metadata: Metadata = { title: messages.notFound.title };

export default function PublicNotFound() {
  return <NotFoundNotice />;
}
