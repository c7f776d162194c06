/** Stored values of the case model; the UI labels for them live in lib/i18n. */
export const CASE_STATUSES = [
  'new',
  'in_triage',
  'searching',
  'introduced',
  'waiting_feedback',
  'resolved',
  'rejected',
  'duplicate',
  'spam',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses that end a case as not helped; entering one needs a reason. */
export const CLOSING_STATUSES = ['rejected', 'duplicate', 'spam'] as const satisfies readonly CaseStatus[];
/** Statuses of finished cases; partial indexes on cases are built from this list. */
export const CLOSED_STATUSES = ['resolved', ...CLOSING_STATUSES] as const satisfies readonly CaseStatus[];
export const WAITING_STATUSES = ['waiting_feedback'] as const satisfies readonly CaseStatus[];

export const ORGANISATION_KINDS = ['company', 'research', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const NEED_CATEGORIES = ['raw_materials', 'goods', 'capacity', 'services', 'cooperation', 'other'] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const URGENCIES = ['immediately', 'within_weeks', 'flexible'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Lowest first: the order is the rank the queue sorts by (index cases_priority_rank_idx). */
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const STAFF_ROLES = ['admin', 'expert'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const COMPANY_KINDS = ['company', 'research', 'network'] as const;
export type CompanyKind = (typeof COMPANY_KINDS)[number];

/** EU size classes by head count: micro < 10, small < 50, medium < 250, large. */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const INTRODUCTION_CHANNELS = ['email', 'phone', 'meeting', 'event'] as const;
export type IntroductionChannel = (typeof INTRODUCTION_CHANNELS)[number];

/** pending → in_contact → agreement | no_fit | no_answer (transitions in lib/introductions). */
export const INTRODUCTION_OUTCOMES = ['pending', 'in_contact', 'agreement', 'no_fit', 'no_answer'] as const;
export type IntroductionOutcome = (typeof INTRODUCTION_OUTCOMES)[number];
/** Outcomes that still need chasing (they carry a follow-up date); the follow-up index is built from this list. */
export const OPEN_OUTCOMES = ['pending', 'in_contact'] as const satisfies readonly IntroductionOutcome[];

export const AGREEMENT_KINDS = ['order', 'cooperation'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** Which new cases a staff member hears of by mail (notification_settings). */
export const NEW_CASE_NOTIFICATIONS = ['none', 'immediate_only', 'all'] as const;
export type NewCaseNotification = (typeof NEW_CASE_NOTIFICATIONS)[number];
