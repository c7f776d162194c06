import { messages } from '@/lib/i18n';
import { COMPANY_KINDS } from '@/lib/suppliers/vocabulary';

/** The options of a company-kind select (Unternehmen, Forschungseinrichtung, Netzwerk). */
export function CompanyKindOptions() {
  return COMPANY_KINDS.map((kind) => (
    <option key={kind} value={kind}>
      {messages.suppliers.kinds[kind]}
    </option>
  ));
}
