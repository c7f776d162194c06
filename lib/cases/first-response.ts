/**
 * The moment a new case must have had a first response: `workingDays` later, not counting
 * Saturdays and Sundays (a case from Friday noon is due Monday noon).
 */
export function firstResponseDue(submittedAt: Date, workingDays: number): Date {
  const due = new Date(submittedAt);
  let remaining = workingDays;
  while (remaining > 0) {
    due.setUTCDate(due.getUTCDate() + 1);
    const day = due.getUTCDay();
    if (day !== 0 && day !== 6) remaining--;
  }
  // Submitted on a weekend: the clock starts on Monday.
  while (due.getUTCDay() === 0 || due.getUTCDay() === 6) due.setUTCDate(due.getUTCDate() + 1);
  return due;
}
