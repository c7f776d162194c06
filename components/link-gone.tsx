import Link from 'next/link';
import { PageTitle } from '@/components/ui/page-title';

/** The page a personal link leads to when it no longer works: forged, expired and used look alike. */
export function LinkGone({ title, text, href, linkText }: { title: string; text: string; href: string; linkText: string }) {
  return (
    <div className="space-y-4">
      <PageTitle>{title}</PageTitle>
      <p className="text-slate-700">{text}</p>
      <Link href={href} className="font-semibold text-brand-700 underline underline-offset-4">
        {linkText}
      </Link>
    </div>
  );
}
