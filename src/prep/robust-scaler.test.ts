import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { RobustScaler } from './robust-scaler.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'RobustScaler',
  make: (p) => new RobustScaler(p),
  restore: (json) => RobustScaler.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'x'),
  withNaN: (X) => withMissing(X, 'z', 1),
  nan: 'accept',
  badParams: [
    { quantileRange: [75, 25] },
    { quantileRange: [-1, 50] },
    { quantileRange: [0, 101] },
    { withCentering: 1 },
    { withScaling: null },
  ],
});

const values = (f: Frame, name: string) => Array.from(f.columnOf(name, 'number').values);

describe('RobustScaler', () => {
  it('centers on the median and divides by the interquartile range (numpy quantiles)', () => {
    // median 3; Q1 = 2, Q3 = 4 (linear interpolation); the outlier 100 moves neither
    const s = new RobustScaler().fit(new Frame({ a: col.number([1, 2, 3, 4, 100]) }));
    expect(s.state.center[0]).toBe(3);
    expect(s.state.scale[0]).toBe(2);
    expect(values(s.transform(new Frame({ a: col.number([3, 5, null]) })), 'a').slice(0, 2)).toEqual([0, 1]);
  });
  it('interpolates quantiles between values as numpy does', () => {
    // 10th and 90th percentiles of 1..4: 1.3 and 3.7
    const s = new RobustScaler({ quantileRange: [10, 90] }).fit(new Frame({ a: col.number([4, 1, 3, 2]) }));
    expect(s.state.scale[0]).toBeCloseTo(2.4, 15);
    expect(s.state.center[0]).toBe(2.5);
  });
  it('can only center or only scale, and keeps scale 1 for a constant column', () => {
    const f = new Frame({ a: col.number([1, 2, 3]), c: col.number([5, 5, 5]) });
    const onlyCenter = new RobustScaler({ withScaling: false }).fit(f);
    expect(Array.from(onlyCenter.state.scale)).toEqual([1, 1]);
    const onlyScale = new RobustScaler({ withCentering: false }).fit(f);
    expect(Array.from(onlyScale.state.center)).toEqual([0, 0]);
    expect(onlyScale.state.scale[1]).toBe(1);
  });
});
