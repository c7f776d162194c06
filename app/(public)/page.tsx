import Link from 'next/link';
import { messages } from '@/lib/i18n';

const t = messages.home;

export default function HomePage() {
  return (
    <section className="space-y-6 py-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-4xl">{t.title}</h1>
      <p className="max-w-2xl text-lg leading-relaxed text-slate-700">{t.intro}</p>
      <div className="flex flex-wrap gap-4">
        <Link href="/request" className="rounded-md bg-brand-700 px-5 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-800">
          {t.cta}
        </Link>
        <Link
          href="/request/status"
          className="rounded-md border border-slate-300 bg-white px-5 py-3 text-base font-semibold text-brand-800 hover:bg-slate-100"
        >
          {t.statusLink}
        </Link>
        <Link
          href="/offer"
          className="rounded-md border border-slate-300 bg-white px-5 py-3 text-base font-semibold text-brand-800 hover:bg-slate-100"
        >
          {messages.offers.link}
        </Link>
      </div>
    </section>
  );
}
