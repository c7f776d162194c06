import { asc, count, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, introductions } from '../../db/schema';
import type { IntroductionOutcome } from '../../db/schema/vocabulary';
import { recordPhoneConsent } from '../availability/consent';
import { findUserByEmail } from '../auth/users';
import { addDays, berlinDate } from '../time';
import { candidateSearch } from '../introductions/candidates';
import { changeOutcome, logIntroduction } from '../introductions/record';
import { addToShortlist } from '../introductions/shortlist';
import { searchSuppliers } from '../suppliers/search';
import { supplierSearchSchema } from '../suppliers/search-schema';
import { DEMO_ACCOUNTS } from './users';

/** What became of the first two introductions of the oldest demo cases. */
const STORIES: (readonly IntroductionOutcome[])[] = [['agreement', 'no_fit'], ['in_contact', 'no_answer'], ['pending'], ['agreement']];
const PATHS: Record<IntroductionOutcome, readonly IntroductionOutcome[]> = {
  pending: [],
  in_contact: ['in_contact'],
  agreement: ['in_contact', 'agreement'],
  no_fit: ['no_fit'],
  no_answer: ['no_answer'],
};

const dayAfter = (date: Date, days: number) => addDays(berlinDate(date), days);

/**
 * Gives the demo desk a worked history: the oldest demo cases get a shortlist from their
 * candidate search and introductions with outcomes, made through the same functions staff use.
 * Does nothing once introductions exist.
 */
export async function seedDemoIntroductions(): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(introductions);
  const account = await findUserByEmail(DEMO_ACCOUNTS[1].email);
  if ((existing && existing.n > 0) || !account) return 0;
  const expert = { id: account.id, email: account.email, name: account.name, role: account.role };
  const oldest = await db.select().from(cases).orderBy(asc(cases.createdAt)).limit(STORIES.length);
  let made = 0;
  for (const [i, c] of oldest.entries()) {
    const search = await candidateSearch(c);
    const { results } = await searchSuppliers(supplierSearchSchema.parse({ ...search, limit: 3 }), 'staff');
    for (const hit of results) await addToShortlist(expert, { caseId: c.id, companyId: hit.id, note: '' });
    for (const [j, outcome] of STORIES[i]!.entries()) {
      const hit = results[j];
      if (!hit) break;
      // The demo's suppliers agreed on the phone: only then may the introduction text go out.
      await recordPhoneConsent(expert, { caseId: c.id, companyId: hit.id, note: 'Am Telefon zugestimmt (Demodaten).' });
      const logged = await logIntroduction(expert, {
        caseId: c.id,
        companyId: hit.id,
        introducedOn: dayAfter(c.createdAt, 1 + j),
        channel: j === 0 ? 'phone' : 'email',
        note: '',
        followUpOn: dayAfter(c.createdAt, 8 + j),
      });
      if (!logged.ok) continue;
      made += 1;
      for (const step of PATHS[outcome]) {
        const [row] = await db.select().from(introductions).where(eq(introductions.id, logged.data.id));
        await changeOutcome(expert, {
          introductionId: row!.id,
          version: row!.version,
          outcome: step,
          agreementKind: step === 'agreement' ? 'order' : undefined,
          followUpOn: row!.followUpOn ?? undefined,
          note: '',
        });
      }
    }
  }
  return made;
}
