import { describe, expect, it } from 'vitest';
import { Rng } from '../util/random.js';
import { civilFromDays, dayOfYear, isoWeek, MS_PER_DAY, parseUtc, weekdayOfDays } from './civil-date.js';

describe('civil date arithmetic', () => {
  it('agrees with Date for 5,000 random days from year -2000 to 4000', () => {
    const rng = new Rng(11);
    const lo = Date.UTC(-2000, 0, 1) / MS_PER_DAY;
    const hi = Date.UTC(4000, 0, 1) / MS_PER_DAY;
    for (let i = 0; i < 5000; i++) {
      const days = lo + rng.int(hi - lo);
      const d = new Date(days * MS_PER_DAY);
      const c = civilFromDays(days);
      expect([c.year, c.month, c.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      expect(weekdayOfDays(days)).toBe((d.getUTCDay() + 6) % 7);
      // setUTCFullYear, not Date.UTC, which reads years 0-99 as 1900-1999
      expect(dayOfYear(c)).toBe(days - new Date(0).setUTCFullYear(c.year, 0, 1) / MS_PER_DAY + 1);
    }
  });

  it('knows leap years, including the century rules', () => {
    const doy = (iso: string) => dayOfYear(civilFromDays(Date.parse(iso) / MS_PER_DAY));
    expect(doy('2000-02-29')).toBe(60); // divisible by 400: leap
    expect(doy('1900-03-01')).toBe(60); // divisible by 100 only: common
    expect(doy('2024-12-31')).toBe(366);
    expect(doy('2023-12-31')).toBe(365);
  });

  it('numbers ISO weeks by the year of their Thursday', () => {
    const week = (iso: string) => isoWeek(Date.parse(iso) / MS_PER_DAY);
    expect(week('2021-01-03')).toBe(53); // a Sunday still in 2020's week 53
    expect(week('2021-01-04')).toBe(1);
    expect(week('2019-12-30')).toBe(1); // a Monday already in 2020's week 1
    expect(week('2015-12-31')).toBe(53);
    expect(week('2001-01-01')).toBe(1);
  });

  it('reads zoneless ISO text as UTC and refuses what is not a date', () => {
    expect(parseUtc('2001-01-01')).toBe(Date.UTC(2001, 0, 1));
    expect(parseUtc('2001-01-01 06:30')).toBe(Date.UTC(2001, 0, 1, 6, 30));
    expect(parseUtc('2001-01-01T06:30:15.5')).toBe(Date.UTC(2001, 0, 1, 6, 30, 15, 500));
    expect(parseUtc('2001-01-01T06:30+02:00')).toBe(Date.UTC(2001, 0, 1, 4, 30));
    expect(parseUtc('yesterday')).toBeNaN();
    expect(parseUtc('2001-13-01')).toBeNaN();
  });
});
