import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { StandardScaler } from './standard-scaler.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'StandardScaler',
  make: (p) => new StandardScaler(p),
  restore: (json) => StandardScaler.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'x'),
  withNaN: (X) => withMissing(X, 'z', 1),
  nan: 'accept',
  badParams: [{ withMean: 'yes' }, { withStd: null }, { columns: 'x' }],
});

const values = (f: Frame, name: string) => Array.from(f.columnOf(name, 'number').values);

describe('StandardScaler', () => {
  it('gives mean 0 and population standard deviation 1', () => {
    const f = new Frame({ a: col.number([1, 2, 3, 4]) });
    const out = values(new StandardScaler().fitTransform(f), 'a');
    const sd = Math.sqrt(1.25);
    expect(out).toEqual([-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd]);
  });
  it('ignores missing values at fit and keeps them missing', () => {
    const f = new Frame({ a: col.number([1, null, 3]) });
    const out = values(new StandardScaler().fitTransform(f), 'a');
    expect(out[0]).toBe(-1);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(1);
  });
  it('keeps scale 1 for a constant column, also one that is constant only up to rounding', () => {
    const f = new Frame({ c: col.number([5, 5, 5]), r: col.number([0.1 + 0.2, 0.3, 0.3]) });
    const s = new StandardScaler().fit(f);
    expect(Array.from(s.state.scale)).toEqual([1, 1]);
    expect(values(s.transform(f), 'c')).toEqual([0, 0, 0]);
  });
  it('can only center or only scale', () => {
    const f = new Frame({ a: col.number([2, 4]) });
    expect(values(new StandardScaler({ withStd: false }).fitTransform(f), 'a')).toEqual([-1, 1]);
    expect(values(new StandardScaler({ withMean: false }).fitTransform(f), 'a')).toEqual([2, 4]);
  });
  it('scales only the named columns and passes the rest through', () => {
    const f = mixedFrame();
    const out = new StandardScaler({ columns: ['z'] }).fitTransform(f);
    expect(out.column('x')).toBe(f.column('x'));
    expect(out.names).toEqual(f.names);
    expect(out.column('z')).not.toBe(f.column('z'));
  });
  it('uses the training mean and scale on new rows', () => {
    const s = new StandardScaler().fit(new Frame({ a: col.number([0, 2]) }));
    expect(values(s.transform(new Frame({ a: col.number([4]) })), 'a')).toEqual([3]);
  });
});
