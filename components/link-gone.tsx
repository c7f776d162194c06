import Link from 'next/link';

/** The page a personal link leads to when it no longer works: forged, expired and used look alike. */
export function LinkGone({ title, text, href, linkText }: { title: string; text: string; href: string; linkText: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-brand-800 sm:text-3xl">{title}</h1>
      <p className="text-slate-700">{text}</p>
      <Link href={href} className="font-semibold text-brand-700 underline underline-offset-4">
        {linkText}
      </Link>
    </div>
  );
}
