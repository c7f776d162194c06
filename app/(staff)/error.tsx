'use client';

import { ErrorNotice } from '@/components/error-notice';

export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice retry={retry} />;
}
