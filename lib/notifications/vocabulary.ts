export { NEW_CASE_NOTIFICATIONS, type NewCaseNotification } from '../../db/schema/vocabulary';
