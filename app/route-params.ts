import 'server-only';
import { notFound } from 'next/navigation';
import { parseIdParam } from '@/lib/validation';

/** A page's `[id]` segment, or the 404 page: ids beyond int4 would otherwise be a database error. */
export function idParamOr404(raw: string): number {
  const id = parseIdParam(raw);
  if (id === undefined) notFound();
  return id;
}
