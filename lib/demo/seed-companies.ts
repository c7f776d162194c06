// Moved to db/seed/companies.ts. Kept only for scripts/bench-suppliers.ts, which another branch
// (wt-search) owns: delete this file once that script imports db/seed/companies.
export { seedCompanies, seedDefaultSynonyms } from '../../db/seed/companies';
