import type { CaseEventOf, CaseEventType } from '../../db/schema';

/** A personal detail staff might type into any free-text field of an event. */
export const PERSONAL_TEXT = 'Rückruf an Petra Kranich, 0171 2233445';

/**
 * One event of every type, each free-text field holding PERSONAL_TEXT. The mapped type makes a
 * new event type a compile error here until it has a sample.
 */
export const SAMPLE_EVENTS: { [T in CaseEventType]: CaseEventOf<T> } = {
  submitted: { type: 'submitted', data: { reference: 'LT-2026-00001', geocoded: true } },
  status_changed: { type: 'status_changed', data: { from: 'new', to: 'duplicate', reason: PERSONAL_TEXT, duplicateOf: 'LT-2026-00002' } },
  priority_changed: { type: 'priority_changed', data: { from: 'normal', to: 'urgent' } },
  assigned: { type: 'assigned', data: { from: null, to: 1 } },
  due_date_changed: { type: 'due_date_changed', data: { from: null, to: '2026-03-29' } },
  tags_changed: { type: 'tags_changed', data: { from: [], to: ['FFP2'] } },
  note: { type: 'note', data: { text: PERSONAL_TEXT } },
  shortlist_added: { type: 'shortlist_added', data: { companyId: 1, company: 'Erfurter Maskenwerk', note: PERSONAL_TEXT } },
  shortlist_removed: { type: 'shortlist_removed', data: { companyId: 1, company: 'Erfurter Maskenwerk' } },
  introduction_logged: {
    type: 'introduction_logged',
    data: { introductionId: 1, companyId: 1, company: 'Erfurter Maskenwerk', channel: 'phone', note: PERSONAL_TEXT },
  },
  introduction_outcome: {
    type: 'introduction_outcome',
    data: {
      introductionId: 1,
      company: 'Erfurter Maskenwerk',
      from: 'pending',
      to: 'agreement',
      agreementKind: 'order',
      note: PERSONAL_TEXT,
    },
  },
  introduction_follow_up: {
    type: 'introduction_follow_up',
    data: { introductionId: 1, company: 'Erfurter Maskenwerk', from: null, to: '2026-10-25', note: PERSONAL_TEXT },
  },
  introduction_sent: { type: 'introduction_sent', data: { introductionId: 1, company: 'Erfurter Maskenwerk' } },
  feedback_requested: { type: 'feedback_requested', data: { introductionId: 1, company: 'Erfurter Maskenwerk' } },
  availability_check_sent: { type: 'availability_check_sent', data: { checkId: 1, companyId: 1, company: 'Erfurter Maskenwerk' } },
  availability_check_reminded: { type: 'availability_check_reminded', data: { checkId: 1, companyId: 1, company: 'Erfurter Maskenwerk' } },
  availability_answered: {
    type: 'availability_answered',
    data: { checkId: 1, companyId: 1, company: 'Erfurter Maskenwerk', answer: 'yes' },
  },
  consent_recorded: {
    type: 'consent_recorded',
    data: { companyId: 1, company: 'Erfurter Maskenwerk', source: 'staff_phone', note: PERSONAL_TEXT },
  },
  offer_matched: { type: 'offer_matched', data: { offerId: 1, companyId: 1, company: 'Erfurter Maskenwerk' } },
  anonymised: { type: 'anonymised', data: { cause: 'erasure' } },
  message_sent: { type: 'message_sent', data: { messageId: 1, subject: PERSONAL_TEXT, template: 'query' } },
  reply_received: { type: 'reply_received', data: { messageId: 2, channel: 'email' } },
};
