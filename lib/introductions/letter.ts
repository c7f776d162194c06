import type { Case, Company } from '../../db/schema';
import { messages } from '../i18n';

const t = messages.introductions.letter;

/** The German introduction text for both parties, as staff copy it or the outbox sends it. */
export function introductionLetter(
  c: Pick<Case, 'reference' | 'organisation' | 'contactName' | 'email' | 'phone' | 'postalCode' | 'city' | 'description'>,
  company: Pick<Company, 'name' | 'postalCode' | 'city' | 'email' | 'phone' | 'website' | 'contactPerson'>,
  staffName: string,
): { subject: string; body: string } {
  return {
    subject: t.subject(c.reference, company.name),
    body: t.body({
      reference: c.reference,
      organisation: c.organisation,
      contactName: c.contactName,
      requesterEmail: c.email,
      requesterPhone: c.phone,
      requesterPlace: `${c.postalCode} ${c.city}`,
      need: c.description,
      company: company.name,
      companyPlace: `${company.postalCode} ${company.city}`,
      companyEmail: company.email,
      companyPhone: company.phone,
      companyWebsite: company.website,
      companyContact: company.contactPerson,
      staffName,
    }),
  };
}
