import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';
import { VarianceThreshold } from './variance-threshold.js';

runEstimatorContract({
  name: 'VarianceThreshold',
  make: (p) => new VarianceThreshold(p),
  restore: (json) => VarianceThreshold.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'x'),
  withNaN: (X) => withMissing(X, 'z', 1),
  nan: 'accept',
  badParams: [{ threshold: -1 }, { threshold: 'low' }, { columns: 'x' }],
});

describe('VarianceThreshold', () => {
  const f = new Frame({
    constant: col.number([4, 4, 4, 4]),
    small: col.number([0, 0.1, 0, 0.1]),
    label: col.category(['a', 'b', 'a', 'b']),
    big: col.number([0, 10, null, 20]),
  });
  it('drops constant number columns and passes others through in place', () => {
    const vt = new VarianceThreshold().fit(f);
    expect(vt.state.kept).toEqual(['small', 'big']);
    expect(vt.transform(f).names).toEqual(['small', 'label', 'big']);
    expect(vt.featureNamesOut(f.names)).toEqual(['small', 'label', 'big']);
  });
  it('drops columns at or below a threshold; missing values are ignored', () => {
    const vt = new VarianceThreshold({ threshold: 0.003 }).fit(f);
    expect(vt.state.kept).toEqual(['big']);
    expect(vt.state.variances[2]).toBeCloseTo(200 / 3, 12);
  });
  it('refuses a fit where no column passes, naming the threshold', () => {
    expect(() => new VarianceThreshold({ threshold: 1000 }).fit(f)).toThrow(InputError);
  });
});
