import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { SimpleImputer } from './simple-imputer.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'SimpleImputer',
  make: (p) => new SimpleImputer({ strategy: 'most_frequent', addIndicator: true, ...p }),
  restore: (json) => SimpleImputer.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'z'),
  withNaN: (X) => withMissing(X, 'x', 0),
  nan: 'accept',
  badParams: [{ strategy: 'mode' }, { fillValue: Number.NaN }, { addIndicator: 1 }, { columns: ['x', 'x'] }],
});

const numbers = () =>
  new Frame({ a: col.number([3, null, 1, 2, 10, null]), b: col.number([1, 1, 2, 2, null, 5]) });

describe('SimpleImputer on numbers', () => {
  const fill = (p: ConstructorParameters<typeof SimpleImputer>[0], name = 'a') =>
    Array.from(new SimpleImputer(p).fitTransform(numbers()).columnOf(name, 'number').values);

  it('fills with the median by default (mean of the middle two for an even count)', () => {
    expect(fill({})).toEqual([3, 2.5, 1, 2, 10, 2.5]);
  });
  it('fills with the mean', () => {
    expect(fill({ strategy: 'mean' })).toEqual([3, 4, 1, 2, 10, 4]);
  });
  it('fills with the most frequent value, the smallest among ties', () => {
    expect(fill({ strategy: 'most_frequent' }, 'b')).toEqual([1, 1, 2, 2, 1, 5]);
  });
  it('fills with a constant: 0 by default, else fillValue', () => {
    expect(fill({ strategy: 'constant' })).toEqual([3, 0, 1, 2, 10, 0]);
    expect(fill({ strategy: 'constant', fillValue: -7 })).toEqual([3, -7, 1, 2, 10, -7]);
  });
  it('uses what it learned at fit, not the statistics of the frame it transforms', () => {
    const imp = new SimpleImputer({ strategy: 'mean', columns: ['a'] }).fit(numbers());
    const other = new Frame({ a: col.number([null, 100]), b: col.number([0, 0]) });
    expect(Array.from(imp.transform(other).columnOf('a', 'number').values)).toEqual([4, 100]);
  });
  it('refuses a column with no observed value, naming it', () => {
    const f = new Frame({ a: col.number([1, 2]), empty: col.number([null, null]) });
    let err: unknown;
    try {
      new SimpleImputer().fit(f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).details.column).toBe('empty');
    expect((err as Error).message).toMatch(/'empty'.*constant/);
    // 'constant' needs no observed value
    expect(() => new SimpleImputer({ strategy: 'constant' }).fit(f)).not.toThrow();
  });
  it('appends 0/1 indicators for the columns that had missing values at fit, after all columns', () => {
    const f = new Frame({
      a: col.number([1, null, 3]),
      b: col.number([1, 2, 3]),
      t: col.text(['x', 'y', 'z']),
    });
    const imp = new SimpleImputer({ addIndicator: true }).fit(f);
    const out = imp.transform(
      new Frame({ a: col.number([null, 1]), b: col.number([null, 2]), t: col.text(['p', 'q']) }),
    );
    expect(out.names).toEqual(['a', 'b', 't', 'missingindicator_a']);
    expect(Array.from(out.columnOf('missingindicator_a', 'number').values)).toEqual([1, 0]);
    expect(Array.from(out.columnOf('b', 'number').values)).toEqual([2, 2]);
    expect(imp.featureNamesOut(['a', 'b', 't'])).toEqual(['a', 'b', 't', 'missingindicator_a']);
  });
});

describe('SimpleImputer on categories and booleans', () => {
  it('fills the most frequent label, by label, whatever the incoming dictionary', () => {
    const f = new Frame({ c: col.category(['b', 'a', null, 'b', 'a', 'c']) });
    const imp = new SimpleImputer({ strategy: 'most_frequent' }).fit(f);
    expect(imp.state.fills).toEqual(['a']); // a and b tie at 2: the smaller label wins
    const other = new Frame({ c: col.category([null, 'z'], ['z']) });
    const out = imp.transform(other);
    expect(out.toRecords().map((r) => r.c)).toEqual(['a', 'z']);
  });
  it("fills a constant label, 'missing_value' by default", () => {
    const f = new Frame({ c: col.category(['x', null]), n: col.number([1, null]) });
    expect(new SimpleImputer({ strategy: 'constant' }).fitTransform(f).toRecords()).toEqual([
      { c: 'x', n: 1 },
      { c: 'missing_value', n: 0 },
    ]);
    // a string fillValue fills categories only; numbers pass through
    expect(
      new SimpleImputer({ strategy: 'constant', fillValue: '?' }).fitTransform(f).toRecords()[1],
    ).toEqual({
      c: '?',
      n: null,
    });
  });
  it('fills booleans with the most frequent value', () => {
    const f = new Frame({ b: col.boolean([true, null, true, false]) });
    const out = new SimpleImputer({ strategy: 'most_frequent' }).fitTransform(f);
    expect(out.toRecords().map((r) => r.b)).toEqual([true, true, true, false]);
  });
  it('passes categories through under mean and median', () => {
    const f = mixedFrame();
    const out = new SimpleImputer({ strategy: 'median' }).fitTransform(f);
    expect(out.column('color')).toBe(f.column('color'));
    expect(out.column('note')).toBe(f.column('note'));
  });
  it('refuses a named column of a kind the strategy cannot fill', () => {
    expect(() => new SimpleImputer({ strategy: 'mean', columns: ['color'] }).fit(mixedFrame())).toThrow(
      /'color' is category, expected number/,
    );
  });
  it('refuses a column whose kind changed since fit', () => {
    const imp = new SimpleImputer({ columns: ['x'] }).fit(mixedFrame());
    const changed = mixedFrame().with('x', col.category(['1', '2', '3', '4', '5', '6']));
    expect(() => imp.transform(changed)).toThrow(InputError);
  });
});
