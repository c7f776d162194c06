import { describe, expect, it } from 'vitest';
import { addDays, berlinDate, berlinDayStart, berlinDays, berlinHour, daysBetween, HOUR_MS, isWorkingDay, mondayOf } from '@/lib/time';

const hoursOf = (day: string) => {
  const { start, end } = berlinDays(day, day);
  return (end.getTime() - start.getTime()) / HOUR_MS;
};

describe('German calendar days', () => {
  it('start at midnight German time, in winter and in summer', () => {
    expect(berlinDayStart('2026-03-01').toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(berlinDayStart('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('have 23 hours on 29 March 2026 and 25 on 25 October 2026', () => {
    expect(hoursOf('2026-03-28')).toBe(24);
    expect(hoursOf('2026-03-29')).toBe(23);
    expect(hoursOf('2026-10-25')).toBe(25);
    expect(hoursOf('2026-10-26')).toBe(24);
  });

  it('name the German day of an instant', () => {
    expect(berlinDate(new Date('2026-02-28T23:30:00Z'))).toBe('2026-03-01');
    expect(berlinDate(new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
    expect(berlinDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-26');
  });

  it('do date arithmetic across month ends and DST changes', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(mondayOf('2026-03-30')).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-10-26')).toBe(212);
  });
});

describe('berlinHour and isWorkingDay (the digest)', () => {
  it('reads the hour on German clocks, in winter and summer time', () => {
    expect(berlinHour(new Date('2026-12-07T06:59:00Z'))).toBe(7);
    expect(berlinHour(new Date('2026-07-06T05:00:00Z'))).toBe(7);
    expect(berlinHour(new Date('2026-12-06T23:30:00Z'))).toBe(0);
  });

  it('counts Monday to Friday as working days', () => {
    expect(['2026-12-05', '2026-12-06', '2026-12-07', '2026-12-11'].map(isWorkingDay)).toEqual([false, false, true, true]);
  });
});
