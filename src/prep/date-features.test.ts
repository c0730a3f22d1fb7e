import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { loadFrame } from '../data/load.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { DateFeatures } from './date-features.js';
import { flattenFrame, withMissing, withoutColumn } from './testing/frames.js';

const when = (...iso: (string | null)[]) => col.datetime(iso.map((s) => (s === null ? null : Date.parse(s))));

function sample(): Frame {
  return new Frame({
    x: col.number([1, 2, 3, 4, 5]),
    at: when(
      '2000-02-29T13:45:10Z',
      '1969-12-31T23:59:59Z',
      null,
      '2024-12-31T00:00:00Z',
      '2021-01-03T06:00:00Z',
    ),
  });
}

runEstimatorContract({
  name: 'DateFeatures',
  make: (p) => new DateFeatures(p),
  restore: (json) => DateFeatures.fromJSON(json),
  data: () => ({ X: sample() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'at'),
  withNaN: (X) => withMissing(X, 'x', 0),
  nan: 'accept',
  badParams: [
    { parts: ['yeer'] },
    { parts: ['year', 'year'] },
    { parts: 'year' },
    { cyclical: 'yes' },
    { elapsedFrom: 'yesterday' },
    { elapsedFrom: Number.POSITIVE_INFINITY },
    { parts: [] },
  ],
});

const ALL = [
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

describe('DateFeatures', () => {
  it('gives every part of known dates (UTC, leap years, before 1970, ISO weeks)', () => {
    const out = new DateFeatures({ parts: [...ALL], cyclical: false }).fitTransform(sample());
    expect(out.names).toEqual(['x', ...ALL.map((p) => `at.${p}`)]);
    const rows = out.toRecords();
    const pick = (r: number) => ALL.map((p) => rows[r][`at.${p}`]);
    // year quarter month week day weekday dayofyear hour minute second weekend
    expect(pick(0)).toEqual([2000, 1, 2, 9, 29, 1, 60, 13, 45, 10, 0]); // a Tuesday, the leap day
    expect(pick(1)).toEqual([1969, 4, 12, 1, 31, 2, 365, 23, 59, 59, 0]); // a Wednesday in ISO week 1 of 1970
    expect(pick(2)).toEqual(ALL.map(() => null)); // missing stays missing in every output
    expect(pick(3)).toEqual([2024, 4, 12, 1, 31, 1, 366, 0, 0, 0, 0]);
    expect(pick(4)).toEqual([2021, 1, 1, 53, 3, 6, 3, 6, 0, 0, 1]); // a Sunday in 2020's week 53
  });

  it('gives month, weekday, hour and day of year as sin and cos under cyclical', () => {
    const f = new Frame({ t: when('2001-04-02T18:00:00Z', '2001-01-01T00:00:00Z', '2001-12-31T12:00:00Z') });
    const enc = new DateFeatures({ parts: ['year', 'month', 'weekday', 'hour', 'dayofyear'] }).fit(f);
    const out = enc.transform(f);
    expect(out.names).toEqual([
      't.year',
      't.month_sin',
      't.month_cos',
      't.weekday_sin',
      't.weekday_cos',
      't.hour_sin',
      't.hour_cos',
      't.dayofyear_sin',
      't.dayofyear_cos',
    ]);
    expect(enc.featureNamesOut(['t'])).toEqual(out.names);
    const v = (name: string) => Array.from(out.columnOf(name, 'number').values);
    const close = (got: number[], want: number[]) => {
      for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], 12);
    };
    close(v('t.month_sin'), [1, 0, Math.sin((2 * Math.PI * 11) / 12)]); // April is a quarter turn
    close(v('t.month_cos'), [0, 1, Math.cos((2 * Math.PI * 11) / 12)]);
    close(v('t.weekday_cos'), [1, 1, 1]); // three Mondays
    close(v('t.hour_sin'), [-1, 0, 0]); // 18:00 three quarters, noon half a turn
    close(v('t.hour_cos'), [0, 1, -1]);
    close(v('t.dayofyear_sin'), [Math.sin((2 * Math.PI * 91) / 365), 0, Math.sin((2 * Math.PI * 364) / 365)]);
  });

  it('leaves out hour, minute and second for a column of dates at midnight', () => {
    const f = new Frame({
      d: when('2012-01-01', '2012-06-30'),
      t: when('2012-01-01', '2012-06-30T00:00:01Z'),
    });
    const out = new DateFeatures({ parts: ['month', 'hour', 'second'], cyclical: false }).fitTransform(f);
    expect(out.names).toEqual(['d.month', 't.month', 't.hour', 't.second']);
  });

  it('counts elapsed days from the earliest fit date, a given date or epoch milliseconds', () => {
    const f = new Frame({ t: when('2001-01-03T12:00:00Z', '2001-01-01T00:00:00Z', null) });
    const days = (elapsedFrom: string | number, frame = f) =>
      Array.from(
        new DateFeatures({ parts: [], elapsedFrom })
          .fit(f)
          .transform(frame)
          .columnOf('t.elapsed_days', 'number').values,
      );
    expect(days('fit')).toEqual([2.5, 0, Number.NaN]);
    expect(days('2000-12-31')).toEqual([3.5, 1, Number.NaN]);
    expect(days(Date.UTC(2001, 0, 2))).toEqual([1.5, -1, Number.NaN]);
    // the reference is learned at fit: later rows count from the same day
    expect(days('fit', new Frame({ t: when('2001-01-11') }))).toEqual([10]);
  });

  it('expands the real dates of cars.csv and flights-2001.csv', async () => {
    const cars = await loadFrame('datasets/cars.csv');
    expect(cars.column('year').kind).toBe('datetime');
    const out = new DateFeatures({ columns: ['year'], cyclical: false }).fitTransform(cars);
    expect(out.names.filter((n) => n.startsWith('year.'))).toEqual([
      'year.year',
      'year.month',
      'year.day',
      'year.weekday',
      'year.dayofyear',
    ]);
    const years = out.columnOf('year.year', 'number').values;
    expect(Math.min(...years)).toBe(1970);
    expect(Math.max(...years)).toBe(1982);
    const flights = await loadFrame('datasets/flights-2001.csv', { limit: 2000 });
    const f = new DateFeatures({
      parts: ['month', 'weekday', 'hour', 'minute'],
      cyclical: false,
    }).fitTransform(flights);
    const first = f.toRecords(0, 1)[0];
    // 2001-01-01 00:01, a Monday
    expect([
      first['departure.month'],
      first['departure.weekday'],
      first['departure.hour'],
      first['departure.minute'],
    ]).toEqual([1, 0, 0, 1]);
  });
});
