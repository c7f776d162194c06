import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { type Company, type CompanyChanges, companies, companyEntryChanges, companyEvents } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { consumeAccessLink, verifyAccessLink } from '../conversations/access-links';
import { messages } from '../i18n';
import { log } from '../log';
import { type EntryAnswer, REVIEWED_FIELDS } from './entry-schema';
import { companyInputOf, saveCompany } from './write';

const t = messages.entries;

/** What the company sees of its own entry on the check page: its fields, nothing internal. */
export async function loadEntryForToken(token: string) {
  const link = await verifyAccessLink(token, 'company_entry');
  if (!link.ok) return undefined;
  const [entry] = await db
    .select({
      name: companies.name,
      street: companies.street,
      postalCode: companies.postalCode,
      city: companies.city,
      email: companies.email,
      phone: companies.phone,
      website: companies.website,
      contactPerson: companies.contactPerson,
      sectors: companies.sectors,
      capabilities: companies.capabilities,
      certifications: companies.certifications,
      description: companies.description,
      publicListing: companies.publicListing,
      version: companies.version,
    })
    .from(companies)
    .where(eq(companies.id, link.link.companyId!));
  return entry;
}
export type EntryView = NonNullable<Awaited<ReturnType<typeof loadEntryForToken>>>;

export type EntryAnswerResult = ActionResult<{ pending: boolean; listed: boolean }>;

// JSON has no undefined: an emptied field is stored as null.
const stored = (value: unknown) => value ?? null;
const same = (a: unknown, b: unknown) => JSON.stringify(stored(a)) === JSON.stringify(stored(b));

/** Fields of `fields` whose answer differs from the stored entry, old → new. */
function changesIn(company: Company, answer: Record<string, unknown>, fields: readonly string[]): CompanyChanges {
  const changes: CompanyChanges = {};
  for (const field of fields) {
    const before = company[field as keyof Company];
    if (!same(before, answer[field])) changes[field] = { from: stored(before), to: stored(answer[field]) };
  }
  return changes;
}

/**
 * The company's answer through its check link, in one transaction that also uses the link up
 * (a second use, even a concurrent one, changes nothing). Confirming or correcting marks the
 * entry as checked; contact fields and the directory choice apply at once, other corrections
 * wait for staff review. The history says "durch das Unternehmen".
 */
export async function answerEntryCheck(answer: EntryAnswer, now = new Date()): Promise<EntryAnswerResult> {
  const link = await verifyAccessLink(answer.token, 'company_entry', { now });
  if (!link.ok) {
    log.info({ event: 'entry_answer.rejected', why: link.reason });
    return { ok: false, error: t.linkGoneText };
  }
  return db.transaction(async (tx): Promise<EntryAnswerResult> => {
    const [company] = await tx.select().from(companies).where(eq(companies.id, link.link.companyId!)).for('update');
    if (!company) return { ok: false, error: t.linkGoneText };
    if (company.version !== answer.version) return { ok: false, error: t.changedMeanwhile };
    if (!(await consumeAccessLink(tx, link.link.id, now))) return { ok: false, error: t.linkGoneText };
    const input = companyInputOf(company);
    const byCompany = { existing: company, by: 'company' as const };

    if (answer.choice === 'listing') {
      await saveCompany(tx, { ...input, publicListing: answer.publicListing }, byCompany);
      log.info({ event: 'entry_answer.listing', companyId: company.id, listed: answer.publicListing });
      return { ok: true, data: { pending: false, listed: answer.publicListing } };
    }

    let pending = false;
    if (answer.choice === 'correct') {
      const { email, phone, website, contactPerson } = answer;
      const { outcome } = await saveCompany(tx, { ...input, email, phone, website, contactPerson }, byCompany);
      const proposed = changesIn(company, answer, REVIEWED_FIELDS);
      pending = Object.keys(proposed).length > 0;
      if (pending) {
        const [change] = await tx
          .insert(companyEntryChanges)
          .values({ companyId: company.id, changes: proposed, createdAt: now })
          .returning({ id: companyEntryChanges.id });
        await tx
          .insert(companyEvents)
          .values({ companyId: company.id, type: 'change_proposed', data: { changeId: change!.id, changes: proposed } });
      } else if (outcome === 'unchanged') {
        await tx.insert(companyEvents).values({ companyId: company.id, type: 'confirmed', data: { by: 'company' } });
      }
    } else {
      await tx.insert(companyEvents).values({ companyId: company.id, type: 'confirmed', data: { by: 'company' } });
    }
    await tx.update(companies).set({ verifiedAt: now }).where(eq(companies.id, company.id));
    log.info({ event: 'entry_answer.checked', companyId: company.id, choice: answer.choice, pending });
    return { ok: true, data: { pending, listed: company.publicListing } };
  });
}
