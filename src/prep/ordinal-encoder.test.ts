import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { OrdinalEncoder } from './ordinal-encoder.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'OrdinalEncoder',
  make: (p) => new OrdinalEncoder(p),
  restore: (json) => OrdinalEncoder.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'color'),
  withNaN: (X) => withMissing(X, 'x', 2),
  nan: 'accept',
  badParams: [{ unknownValue: 'x' }, { columns: [1] }],
});

describe('OrdinalEncoder', () => {
  it('turns labels into sorted positions by label; unknown → unknownValue, missing → NaN', () => {
    const enc = new OrdinalEncoder().fit(new Frame({ c: col.category(['b', 'a', 'c']) }));
    const out = enc.transform(new Frame({ c: col.category(['c', 'zz', null, 'a'], ['zz', 'c', 'a']) }));
    expect(Array.from(out.columnOf('c', 'number').values)).toEqual([2, -1, Number.NaN, 0]);
    const other = new OrdinalEncoder({ unknownValue: 99 }).fit(new Frame({ c: col.category(['a']) }));
    expect(
      Array.from(other.transform(new Frame({ c: col.category(['q']) })).columnOf('c', 'number').values),
    ).toEqual([99]);
  });
  it('leaves booleans and numbers alone', () => {
    const f = mixedFrame();
    const out = new OrdinalEncoder().fitTransform(f);
    expect(out.column('flag')).toBe(f.column('flag'));
    expect(out.column('color').kind).toBe('number');
  });
});

describe('OrdinalEncoder column checks', () => {
  it('refuses a named column that is not a category', () => {
    expect(() => new OrdinalEncoder({ columns: ['flag'] }).fit(mixedFrame())).toThrow(/'flag' is boolean/);
  });
});
