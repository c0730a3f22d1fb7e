/**
 * Calendar arithmetic on UTC epoch days, without Date objects: proleptic Gregorian, valid for any
 * year (Howard Hinnant's `civil_from_days`). Hot loops over millions of timestamps call these.
 */
export const MS_PER_DAY = 86_400_000;

/** Days before each month in a common year; index 12 is the year's length. */
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

export interface Civil {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** Year, month and day of the UTC day `days` after 1970-01-01 (negative before it). */
export function civilFromDays(days: number, out: Civil = { year: 0, month: 0, day: 0 }): Civil {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // day of the 400-year era, 0..146096
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from March 1st
  const mp = Math.floor((5 * doy + 2) / 153);
  out.day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  out.month = mp < 10 ? mp + 3 : mp - 9;
  out.year = yoe + era * 400 + (out.month <= 2 ? 1 : 0);
  return out;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 1 for January 1st. */
export function dayOfYear(c: Civil): number {
  return DAYS_BEFORE[c.month - 1] + c.day + (c.month > 2 && isLeapYear(c.year) ? 1 : 0);
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Monday 0 .. Sunday 6, as Python's `weekday()` and pandas' `dayofweek`; 1970-01-01 was a Thursday. */
export function weekdayOfDays(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** ISO 8601 week number (1..53): the week belongs to the year of its Thursday. */
export function isoWeek(days: number, scratch: Civil = { year: 0, month: 0, day: 0 }): number {
  const thursday = days - weekdayOfDays(days) + 3;
  return Math.floor((dayOfYear(civilFromDays(thursday, scratch)) - 1) / 7) + 1;
}

/**
 * Epoch milliseconds of an ISO 8601 date or date-time; one without a zone is read as UTC (Date.parse
 * would read a zoneless date-time in the machine's zone). NaN when it does not parse.
 */
export function parseUtc(text: string): number {
  const zoneless = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
  if (zoneless) {
    const [date, time = '00:00'] = text.split(/[T ]/);
    return Date.parse(`${date}T${time}Z`);
  }
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
}
