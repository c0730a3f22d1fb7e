import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { ParamError } from '../util/errors.js';
import {
  type Civil,
  civilFromDays,
  dayOfYear,
  daysInYear,
  isoWeek,
  MS_PER_DAY,
  parseUtc,
  weekdayOfDays,
} from './civil-date.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

/** Parts of a UTC date and time, each one number column `<col>.<part>`. */
export const DATE_PARTS = [
  'year',
  'quarter',
  'month',
  'week',
  'day',
  'weekday',
  'dayofyear',
  'hour',
  'minute',
  'second',
  'weekend',
] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** Parts that wrap around, with cyclical = true given as sin and cos of their angle. */
const CYCLIC: ReadonlySet<DatePart> = new Set(['month', 'weekday', 'hour', 'dayofyear']);
const TIME_PARTS: ReadonlySet<DatePart> = new Set(['hour', 'minute', 'second']);

export interface DateFeaturesParams extends ColumnsParam {
  /**
   * Which parts, in output order (all UTC): year; quarter 1-4; month 1-12; week (ISO 8601, 1-53);
   * day of month; weekday (Monday 0 .. Sunday 6, as pandas); dayofyear (1-366); hour, minute,
   * second; weekend (1 on Saturday and Sunday). Default year, month, day, weekday, dayofyear, hour,
   * minute. Hour, minute and second are left out for a column whose every fit value is at
   * midnight (a date column): they would be constant.
   */
  parts: readonly DatePart[];
  /**
   * Month, weekday, hour and dayofyear as `<col>.<part>_sin` and `_cos` of their angle instead of
   * the raw number, so December sits next to January for a linear model. The hour is the time of
   * day in fractional hours; dayofyear turns once per year of 365 or 366 days. Default true.
   */
  cyclical: boolean;
  /**
   * Adds `<col>.elapsed_days` (fractional days) since a reference: `'fit'` (the earliest date at
   * fit), an ISO 8601 date or date-time (UTC where it names no zone), or epoch milliseconds.
   * Default null: none.
   */
  elapsedFrom: 'fit' | string | number | null;
}

export const DATE_FEATURES_DEFAULTS = {
  columns: null,
  parts: ['year', 'month', 'day', 'weekday', 'dayofyear', 'hour', 'minute'],
  cyclical: true,
  elapsedFrom: null,
} satisfies DateFeaturesParams;

const SPECS: ParamSpecs<DateFeaturesParams> = {
  columns: param.custom(
    'Datetime columns to expand; null: all of them.',
    'null or distinct names',
    isColumnList,
  ),
  parts: param.custom(
    'Date and time parts, in output order.',
    `distinct parts among ${DATE_PARTS.join(', ')}`,
    (v) =>
      Array.isArray(v) &&
      v.every((p) => (DATE_PARTS as readonly unknown[]).includes(p)) &&
      new Set(v).size === v.length,
  ),
  cyclical: param.boolean('Month, weekday, hour and day of year as sin and cos.'),
  elapsedFrom: param.custom(
    'Reference of <col>.elapsed_days.',
    "null, 'fit', an ISO 8601 date or date-time, or epoch milliseconds",
    (v) =>
      v === null ||
      v === 'fit' ||
      (typeof v === 'number' && Number.isFinite(v)) ||
      (typeof v === 'string' && !Number.isNaN(parseUtc(v))),
  ),
};

export interface DateFeaturesState extends ColumnsState {
  /** Per column, the parts given (time parts left out for date-only columns). */
  readonly parts: readonly (readonly DatePart[])[];
  /** Per column, epoch milliseconds elapsed days count from, or null for no elapsed column. */
  readonly origin: readonly (number | null)[];
}

/**
 * Datetime columns (epoch milliseconds, UTC) as number columns of their calendar parts, like the
 * `dt` accessors of pandas: `<col>.year`, `<col>.month` (or `<col>.month_sin`/`_cos`), ...,
 * `<col>.elapsed_days`, in place of the column. Missing dates give NaN in every output.
 */
export class DateFeatures extends ColumnwiseTransformer<DateFeaturesParams, DateFeaturesState> {
  readonly kind = 'DateFeatures';
  protected readonly specs = SPECS;

  constructor(params: Partial<DateFeaturesParams> = {}) {
    super(DATE_FEATURES_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['datetime'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): DateFeaturesState {
    const { parts, elapsedFrom } = this.params;
    if (parts.length === 0 && elapsedFrom === null)
      throw new ParamError(this.kind, 'parts', 'at least one part when elapsedFrom is null', parts);
    const perColumn: DatePart[][] = [];
    const origin: (number | null)[] = [];
    for (const name of columns) {
      const v = frame.columnOf(name, 'datetime').values;
      let earliest = Number.POSITIVE_INFINITY;
      let timed = false;
      for (let r = 0; r < v.length; r++) {
        if (Number.isNaN(v[r])) continue;
        if (v[r] < earliest) earliest = v[r];
        if (v[r] - Math.floor(v[r] / MS_PER_DAY) * MS_PER_DAY !== 0) timed = true;
      }
      perColumn.push(parts.filter((p) => timed || !TIME_PARTS.has(p)));
      origin.push(
        elapsedFrom === null
          ? null
          : elapsedFrom === 'fit'
            ? Number.isFinite(earliest)
              ? earliest
              : Number.NaN
            : typeof elapsedFrom === 'number'
              ? elapsedFrom
              : parseUtc(elapsedFrom),
      );
    }
    return { columns, kinds, parts: perColumn, origin };
  }

  protected mapColumn(i: number, column: Column, s: DateFeaturesState): [string, Column][] {
    const v = (column as Extract<Column, { kind: 'datetime' }>).values;
    const n = v.length;
    const names = this.namesOut(i, s);
    const outs = names.map(() => new Float64Array(n));
    const parts = s.parts[i];
    const cyclical = this.params.cyclical;
    const origin = s.origin[i];
    const c: Civil = { year: 0, month: 0, day: 0 };
    const scratch: Civil = { year: 0, month: 0, day: 0 };
    for (let r = 0; r < n; r++) {
      const t = v[r];
      if (Number.isNaN(t)) {
        for (const o of outs) o[r] = Number.NaN;
        continue;
      }
      const days = Math.floor(t / MS_PER_DAY);
      const msOfDay = t - days * MS_PER_DAY;
      civilFromDays(days, c);
      let k = 0;
      for (const p of parts) {
        const value = partValue(p, c, days, msOfDay, scratch);
        if (cyclical && CYCLIC.has(p)) {
          const angle = (2 * Math.PI * cyclePosition(p, value, msOfDay)) / period(p, c);
          outs[k++][r] = Math.sin(angle);
          outs[k++][r] = Math.cos(angle);
        } else outs[k++][r] = value;
      }
      if (origin !== null) outs[k][r] = (t - origin) / MS_PER_DAY;
    }
    return names.map((name, k) => [name, { kind: 'number', values: outs[k] }]);
  }

  protected namesOut(i: number, s: DateFeaturesState): string[] {
    const col = s.columns[i];
    const names: string[] = [];
    for (const p of s.parts[i])
      if (this.params.cyclical && CYCLIC.has(p)) names.push(`${col}.${p}_sin`, `${col}.${p}_cos`);
      else names.push(`${col}.${p}`);
    if (s.origin[i] !== null) names.push(`${col}.elapsed_days`);
    return names;
  }
}

function partValue(p: DatePart, c: Civil, days: number, msOfDay: number, scratch: Civil): number {
  switch (p) {
    case 'year':
      return c.year;
    case 'quarter':
      return Math.floor((c.month - 1) / 3) + 1;
    case 'month':
      return c.month;
    case 'week':
      return isoWeek(days, scratch);
    case 'day':
      return c.day;
    case 'weekday':
      return weekdayOfDays(days);
    case 'dayofyear':
      return dayOfYear(c);
    case 'hour':
      return Math.floor(msOfDay / 3_600_000);
    case 'minute':
      return Math.floor(msOfDay / 60_000) % 60;
    case 'second':
      return Math.floor(msOfDay / 1000) % 60;
    case 'weekend':
      return weekdayOfDays(days) >= 5 ? 1 : 0;
  }
}

/** Where in its cycle a cyclic part is, from 0 (month 1, Monday, midnight, January 1st). */
function cyclePosition(p: DatePart, value: number, msOfDay: number): number {
  if (p === 'hour') return msOfDay / 3_600_000;
  if (p === 'weekday') return value;
  return value - 1;
}

function period(p: DatePart, c: Civil): number {
  return p === 'month' ? 12 : p === 'weekday' ? 7 : p === 'hour' ? 24 : daysInYear(c.year);
}

registerEstimator('DateFeatures', DateFeatures);
