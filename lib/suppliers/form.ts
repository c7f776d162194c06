import { z } from 'zod';
import type { CompanyKind } from '../../db/schema/vocabulary';
import { id } from '../validation';
import { companyInputSchema } from './schema';

/** The edit form's fields: text as typed, lists one entry per line (WZ codes also by comma). */
export interface CompanyFormValues {
  externalId: string;
  name: string;
  kind: CompanyKind;
  street: string;
  postalCode: string;
  city: string;
  latitude: string;
  longitude: string;
  website: string;
  email: string;
  phone: string;
  contactPerson: string;
  sectors: string;
  capabilities: string;
  certifications: string;
  employees: string;
  description: string;
  publicListing: boolean;
  source: string;
}

const lines = (v: unknown) => (typeof v === 'string' ? v.split(/\r?\n/) : v);
const codes = (v: unknown) => (typeof v === 'string' ? v.split(/[\s,;]+/) : v);
// German decimal commas: "50,98" is 50.98.
const decimal = (v: unknown) => (typeof v === 'string' ? v.trim().replace(',', '.') : v);

export function formToInput(v: CompanyFormValues): unknown {
  if (typeof v !== 'object' || v === null) return v;
  return {
    ...v,
    latitude: decimal(v.latitude),
    longitude: decimal(v.longitude),
    sectors: codes(v.sectors),
    capabilities: lines(v.capabilities),
    certifications: lines(v.certifications),
  };
}

/** The form's values through the same schema import and API use. */
export const companyFormSchema = z.preprocess(formToInput, companyInputSchema);

/** What the edit action receives: the company's fields, its id and the version the form was loaded with. */
export const companyEditSchema = companyInputSchema.extend({ id, version: id });
export type CompanyEdit = z.output<typeof companyEditSchema>;

interface Stored {
  externalId: string | null;
  name: string;
  kind: CompanyKind;
  street: string | null;
  postalCode: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  contactPerson: string | null;
  sectors: string[];
  capabilities: string[];
  certifications: string[];
  employees: number | null;
  description: string;
  publicListing: boolean;
  source: string | null;
}

const text = (v: string | number | null) => (v === null ? '' : String(v));

export function companyFormValues(company?: Stored): CompanyFormValues {
  if (!company) {
    return {
      externalId: '',
      name: '',
      kind: 'company',
      street: '',
      postalCode: '',
      city: '',
      latitude: '',
      longitude: '',
      website: '',
      email: '',
      phone: '',
      contactPerson: '',
      sectors: '',
      capabilities: '',
      certifications: '',
      employees: '',
      description: '',
      publicListing: false,
      source: '',
    };
  }
  return {
    externalId: text(company.externalId),
    name: company.name,
    kind: company.kind,
    street: text(company.street),
    postalCode: company.postalCode,
    city: company.city,
    latitude: text(company.latitude),
    longitude: text(company.longitude),
    website: text(company.website),
    email: text(company.email),
    phone: text(company.phone),
    contactPerson: text(company.contactPerson),
    sectors: company.sectors.join(', '),
    capabilities: company.capabilities.join('\n'),
    certifications: company.certifications.join('\n'),
    employees: text(company.employees),
    description: company.description,
    publicListing: company.publicListing,
    source: text(company.source),
  };
}
