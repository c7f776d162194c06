export {
  CASE_STATUSES,
  NEED_CATEGORIES,
  ORGANISATION_KINDS,
  URGENCIES,
  type CaseStatus,
  type NeedCategory,
  type OrganisationKind,
  type Urgency,
} from '../../db/schema/vocabulary';
