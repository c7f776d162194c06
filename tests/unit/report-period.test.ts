import { describe, expect, it } from 'vitest';
import { berlinDate } from '../../lib/format';
import { lastWeeks, parseReportPeriod } from '../../lib/reports/period';

describe('report period', () => {
  it('defaults to the current ISO week and the eleven before it', () => {
    // Wednesday 25 November 2026 is in KW 48; KW 37 starts on Monday 7 September.
    expect(parseReportPeriod({}, '2026-11-25')).toEqual({ ok: true, period: { from: '2026-09-07', to: '2026-11-25' } });
    expect(lastWeeks('2026-11-23', 1)).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(lastWeeks('2026-11-29', 4)).toEqual({ from: '2026-11-02', to: '2026-11-29' });
  });

  it('takes dates from the URL and fills a missing bound with its default', () => {
    expect(parseReportPeriod({ from: '2026-01-01', to: '2026-03-31' }, '2026-11-25').period).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(parseReportPeriod({ from: '2026-10-01', to: '' }, '2026-11-25').period).toEqual({ from: '2026-10-01', to: '2026-11-25' });
  });

  it('refuses bad input with a German reason and falls back to the default', () => {
    const fallback = { from: '2026-09-07', to: '2026-11-25' };
    expect(parseReportPeriod({ from: 'gestern' }, '2026-11-25')).toEqual({
      ok: false,
      error: 'Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).',
      period: fallback,
    });
    expect(parseReportPeriod({ from: '2026-02-30', to: '2026-03-01' }, '2026-11-25').ok).toBe(false);
    expect(parseReportPeriod({ from: '2026-03-10', to: '2026-03-01' }, '2026-11-25')).toMatchObject({
      ok: false,
      error: 'Das Enddatum liegt vor dem Anfangsdatum.',
    });
    expect(parseReportPeriod({ from: '2020-01-01', to: '2026-11-25' }, '2026-11-25')).toMatchObject({
      ok: false,
      error: expect.stringContaining('höchstens 1098 Tage'),
    });
    expect(parseReportPeriod({ from: '2024-01-01', to: '2026-11-25' }, '2026-11-25').ok).toBe(true);
  });

  it('knows the date in Germany around midnight UTC', () => {
    expect(berlinDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    expect(berlinDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(berlinDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
