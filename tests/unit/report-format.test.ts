import { describe, expect, it } from 'vitest';
import { messages } from '../../lib/i18n';

const times = messages.reports.times;

describe('report durations', () => {
  it('says "1 Tag" for one day and "Tage" otherwise', () => {
    expect(times.days(1)).toBe('1 Tag');
    expect(times.days(1.04)).toBe('1 Tag');
    expect(times.days(2)).toBe('2 Tage');
    expect(times.days(1.5)).toBe('1,5 Tage');
  });

  it('shows a first response in hours up to two days and in days beyond', () => {
    expect(times.hoursOrDays(5.25)).toBe('5,3 Std.');
    expect(times.hoursOrDays(48)).toBe('48 Std.');
    expect(times.hoursOrDays(72)).toBe('3 Tage');
  });
});
