import { messages } from '@/lib/i18n';

/** First focusable element of every page: keyboard users jump past the navigation. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
    >
      {messages.app.skipToContent}
    </a>
  );
}
