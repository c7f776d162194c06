export {
  CASE_PRIORITIES,
  CASE_STATUSES,
  NEED_CATEGORIES,
  ORGANISATION_KINDS,
  STAFF_ROLES,
  URGENCIES,
  type CasePriority,
  type CaseStatus,
  type NeedCategory,
  type OrganisationKind,
  type StaffRole,
  type Urgency,
} from '../../db/schema/vocabulary';
