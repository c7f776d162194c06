import { describe, expect, it } from 'vitest';
import { firstResponseDue } from '@/lib/cases/first-response';
import { allowedTransitions, canTransition, isClosed, needsReason } from '@/lib/cases/lifecycle';
import { queueHref, sortHref } from '@/lib/cases/queue-url';
import { caseUpdateSchema, queueFilterSchema } from '@/lib/cases/schema';
import { CASE_STATUSES } from '@/lib/cases/vocabulary';

describe('case lifecycle', () => {
  it('follows the main path from new to resolved', () => {
    const path = ['new', 'in_triage', 'searching', 'introduced', 'waiting_feedback', 'resolved'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it.each([
    ['new', 'resolved'],
    ['new', 'introduced'],
    ['in_triage', 'resolved'],
    ['resolved', 'searching'],
    ['resolved', 'waiting_feedback'],
    ['spam', 'resolved'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('lets a query to the requester wait from every open status and return to triage', () => {
    for (const from of ['new', 'in_triage', 'searching', 'introduced'] as const) expect(canTransition(from, 'waiting_feedback')).toBe(true);
    expect(canTransition('waiting_feedback', 'in_triage')).toBe(true);
  });

  it('lets every status be closed or reopened, and keeps a status unchanged', () => {
    for (const status of CASE_STATUSES) {
      expect(canTransition(status, status)).toBe(true);
      if (isClosed(status)) expect(allowedTransitions(status)).toEqual(['in_triage']);
      else expect(allowedTransitions(status)).toContain('rejected');
    }
  });

  it('asks for a reason only when closing as rejected, duplicate or spam', () => {
    expect(CASE_STATUSES.filter(needsReason)).toEqual(['rejected', 'duplicate', 'spam']);
  });
});

describe('first response target', () => {
  it.each([
    ['2026-11-23T10:00:00Z', 1, '2026-11-24T10:00:00.000Z'], // Monday → Tuesday
    ['2026-11-27T12:00:00Z', 1, '2026-11-30T12:00:00.000Z'], // Friday → Monday
    ['2026-11-28T09:00:00Z', 1, '2026-11-30T09:00:00.000Z'], // Saturday → Monday
    ['2026-11-26T08:00:00Z', 2, '2026-11-30T08:00:00.000Z'], // Thursday + 2 → Monday
  ])('%s plus %i working day(s) is %s', (submitted, days, due) => {
    expect(firstResponseDue(new Date(submitted), days).toISOString()).toBe(due);
  });
});

describe('queue URL state', () => {
  const defaults = queueFilterSchema.parse({});

  it('falls back to defaults for malformed parameters', () => {
    expect(queueFilterSchema.parse({ view: 'bogus', page: '-3', sort: 'x', status: 'nope', district: "1' or 1=1" })).toEqual(defaults);
  });

  it('writes only what differs from the default and resets the page on filter changes', () => {
    const filter = queueFilterSchema.parse({ view: 'mine', q: 'Masken', page: '3' });
    const params = (href: string) => Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(params(queueHref(filter, { status: 'new' }))).toEqual({ view: 'mine', status: 'new', q: 'Masken' });
    expect(queueHref(filter, { page: 4 })).toBe('/cases?view=mine&q=Masken&page=4');
    expect(queueHref(defaults)).toBe('/cases');
  });

  it('toggles the sort direction on the same column', () => {
    const byPriority = queueFilterSchema.parse({ sort: 'priority', dir: 'desc' });
    expect(sortHref(byPriority, 'priority')).toBe('/cases?sort=priority&dir=asc');
    expect(sortHref(byPriority, 'created')).toBe('/cases?sort=created');
  });
});

describe('case update schema', () => {
  it('normalises tags and empty optional fields', () => {
    const parsed = caseUpdateSchema.parse({
      caseId: '7',
      version: '2',
      status: 'searching',
      priority: 'high',
      assigneeId: '',
      dueDate: '',
      tags: ' FFP2, Masken ,FFP2,, ',
      reason: '  ',
    });
    expect(parsed).toEqual({ caseId: 7, version: 2, status: 'searching', priority: 'high', tags: ['FFP2', 'Masken'] });
    // Forms send the parsed values to the server action, which parses them again.
    expect(caseUpdateSchema.parse(parsed)).toEqual(parsed);
  });
});
