import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { OutlierClipper } from './outlier-clipper.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'OutlierClipper',
  make: (p) => new OutlierClipper(p),
  restore: (json) => OutlierClipper.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'x'),
  withNaN: (X) => withMissing(X, 'z', 1),
  nan: 'accept',
  badParams: [
    { method: 'zscore' },
    { factor: -1 },
    { quantiles: [0.9, 0.1] },
    { quantiles: [0, 1.5] },
    { columns: ['x', 'x'] },
  ],
});

const values = (f: Frame, name: string) => Array.from(f.columnOf(name, 'number').values);

describe('OutlierClipper', () => {
  const f = new Frame({ a: col.number([1, 2, 3, 4, 5, 6, 7, 8, 100, null]) });
  it("clips to Tukey's fences learned at fit", () => {
    const c = new OutlierClipper().fit(f);
    // Q1 = 3, Q3 = 7, IQR 4: fences -3 and 13
    expect([c.state.lower[0], c.state.upper[0]]).toEqual([-3, 13]);
    const out = values(c.transform(f), 'a');
    expect(out.slice(0, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 13]);
    expect(out[9]).toBeNaN();
  });
  it('clips to quantiles, and applies the training bounds to new rows', () => {
    const c = new OutlierClipper({ method: 'quantile', quantiles: [0.125, 0.875] }).fit(f);
    expect([c.state.lower[0], c.state.upper[0]]).toEqual([2, 8]);
    expect(values(c.transform(new Frame({ a: col.number([-50, 5, 50]) })), 'a')).toEqual([2, 5, 8]);
  });
  it('never removes rows', () => {
    expect(new OutlierClipper().fitTransform(f).nRows).toBe(f.nRows);
  });
});
