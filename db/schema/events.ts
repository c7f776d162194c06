import type { AvailabilityAnswer, ConsentSource } from './availability';
import type { MessageChannel } from './conversations';
import type { OutcomeSource } from './introductions';
import type { AgreementKind, CasePriority, CaseStatus, IntroductionChannel, IntroductionOutcome } from './vocabulary';

/**
 * What each case event records, by type. Writers build `CaseEvent`s, readers switch over
 * `type` with `assertNever` in the default: a new or renamed event is a compile error
 * everywhere it is not handled yet.
 */
interface CaseEventData {
  submitted: { reference: string; geocoded: boolean };
  status_changed: { from: CaseStatus; to: CaseStatus; reason: string | null; duplicateOf?: string };
  priority_changed: { from: CasePriority; to: CasePriority };
  assigned: { from: number | null; to: number | null };
  due_date_changed: { from: string | null; to: string | null };
  tags_changed: { from: string[]; to: string[] };
  note: { text: string };
  shortlist_added: { companyId: number; company: string; note: string | null };
  shortlist_removed: { companyId: number; company: string };
  introduction_logged: { introductionId: number; companyId: number; company: string; channel: IntroductionChannel; note: string | null };
  // `note`: the staff member's explanation, kept with the change it explains.
  introduction_outcome: {
    introductionId: number;
    company: string;
    from: IntroductionOutcome;
    to: IntroductionOutcome;
    agreementKind: AgreementKind | null;
    note?: string;
    // Absent in events written before requesters could answer: staff.
    source?: OutcomeSource;
  };
  introduction_follow_up: { introductionId: number; company: string; from: string | null; to: string | null; note?: string };
  introduction_sent: { introductionId: number; company: string };
  feedback_requested: { introductionId: number; company: string };
  availability_check_sent: { checkId: number; companyId: number; company: string };
  availability_check_reminded: { checkId: number; companyId: number; company: string };
  availability_answered: { checkId: number; companyId: number; company: string; answer: AvailabilityAnswer };
  // `note`: what staff wrote down about a consent given by phone.
  consent_recorded: { companyId: number; company: string; source: ConsentSource; note?: string };
  offer_matched: { offerId: number; companyId: number; company: string };
  anonymised: { cause: 'retention' | 'erasure' };
  // `subject`: typed by staff, may name people.
  message_sent: { messageId: number; subject: string; template: string | null };
  reply_received: { messageId: number; channel: MessageChannel };
}

export type CaseEventType = keyof CaseEventData;
export type CaseEvent = { [T in CaseEventType]: { type: T; data: CaseEventData[T] } }[CaseEventType];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** What a company's history records: field changes with old → new values. */
export type CompanyChanges = Record<string, { from: unknown; to: unknown }>;
interface CompanyEventData {
  created: { source: string | null };
  // `by`: 'company' when the company changed its own entry through its check link.
  updated: { changes: CompanyChanges; by?: 'company' };
  confirmed: { by: 'company' };
  entry_check_sent: Record<string, never>;
  // Corrections the company proposed for staff review, and the review.
  change_proposed: { changeId: number; changes: CompanyChanges };
  change_reviewed: { changeId: number; applied: boolean; changes: CompanyChanges };
  // The duplicate `mergedName` (id `mergedId`) was merged into this company and removed.
  merged: { mergedId: number; mergedName: string };
  offer_accepted: { offerId: number; offer: string; availableUntil: string | null };
  // An import creates or updates; the data says which.
  imported: { source: string | null } | { changes: CompanyChanges };
}
export type CompanyEventType = keyof CompanyEventData;
export type CompanyEvent = { [T in CompanyEventType]: { type: T; data: CompanyEventData[T] } }[CompanyEventType];

/** Keys of an event's data that hold text of free form (not a closed vocabulary or a number). */
type TextKeys<D> = { [K in keyof D]-?: string extends NonNullable<D[K]> ? K : never }[keyof D];

/**
 * Every text field of every case event, classified: `personal` fields are free text staff
 * typed (notes, reasons) that may name people; anonymisation (lib/privacy/anonymise.ts)
 * clears exactly these. The mapped type makes a new text field a compile error until it is
 * classified here.
 */
export const CASE_EVENT_TEXT: { [T in CaseEventType]: { [K in TextKeys<CaseEventData[T]>]-?: 'personal' | 'public' } } = {
  submitted: { reference: 'public' },
  status_changed: { reason: 'personal', duplicateOf: 'public' },
  priority_changed: {},
  assigned: {},
  due_date_changed: { from: 'public', to: 'public' },
  tags_changed: {},
  note: { text: 'personal' },
  shortlist_added: { company: 'public', note: 'personal' },
  shortlist_removed: { company: 'public' },
  introduction_logged: { company: 'public', note: 'personal' },
  introduction_outcome: { company: 'public', note: 'personal' },
  introduction_follow_up: { company: 'public', from: 'public', to: 'public', note: 'personal' },
  introduction_sent: { company: 'public' },
  feedback_requested: { company: 'public' },
  availability_check_sent: { company: 'public' },
  availability_check_reminded: { company: 'public' },
  availability_answered: { company: 'public' },
  consent_recorded: { company: 'public', note: 'personal' },
  offer_matched: { company: 'public' },
  anonymised: {},
  message_sent: { subject: 'personal', template: 'public' },
  reply_received: {},
};

export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_TEXT) as CaseEventType[];

/** The data keys of each event type that may name people. */
export function personalFields(type: CaseEventType): string[] {
  return Object.entries(CASE_EVENT_TEXT[type])
    .filter(([, kind]) => kind === 'personal')
    .map(([key]) => key);
}

/** Case events that concern one introduction (their data names it). */
export type IntroductionEventType = {
  [T in CaseEventType]: CaseEventData[T] extends { introductionId: number } ? T : never;
}[CaseEventType];
const INTRODUCTION_EVENTS: { [T in IntroductionEventType]: true } = {
  introduction_logged: true,
  introduction_outcome: true,
  introduction_follow_up: true,
  introduction_sent: true,
  feedback_requested: true,
};
export const INTRODUCTION_EVENT_TYPES = Object.keys(INTRODUCTION_EVENTS) as IntroductionEventType[];
