import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { PowerTransformer } from './power-transformer.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';
import { yeoJohnson } from './yeo-johnson.js';

runEstimatorContract({
  name: 'PowerTransformer',
  make: (p) => new PowerTransformer(p),
  restore: (json) => PowerTransformer.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'x'),
  withNaN: (X) => withMissing(X, 'z', 1),
  nan: 'accept',
  badParams: [{ standardize: 'yes' }, { columns: [3] }],
});

const values = (f: Frame, name: string) => Array.from(f.columnOf(name, 'number').values);

describe('yeoJohnson', () => {
  it('is log1p at lambda 0 and the identity at lambda 1 for x >= 0, and handles negatives', () => {
    const x = Float64Array.from([0, 1, 3, -1, -3]);
    expect(Array.from(yeoJohnson(x, 0)).slice(0, 3)).toEqual([0, Math.log1p(1), Math.log1p(3)]);
    const id = yeoJohnson(x, 1);
    expect(Array.from(id)).toEqual([0, 1, 3, -1, -3]);
    // lambda 2 uses -log1p(-x) for the negatives
    expect(yeoJohnson(x, 2)[3]).toBe(-Math.log1p(1));
  });
  it('keeps missing values missing', () => {
    expect(yeoJohnson(Float64Array.from([Number.NaN]), 0.5)[0]).toBeNaN();
  });
});

describe('PowerTransformer', () => {
  // right-skewed: lambda below 1 pulls the tail in
  const skewed = new Frame({ a: col.number([0.1, 0.2, 0.3, 0.5, 0.8, 1.3, 2.1, 3.4, 5.5, 8.9, 14.4, null]) });
  it('learns a lambda that reduces skew, and standardizes to mean 0 and variance 1', () => {
    const pt = new PowerTransformer().fit(skewed);
    expect(pt.state.lambdas[0]).toBeLessThan(1);
    const out = values(pt.transform(skewed), 'a');
    expect(out[11]).toBeNaN();
    const seen = out.slice(0, 11);
    const mean = seen.reduce((a, b) => a + b) / seen.length;
    const variance = seen.reduce((a, b) => a + (b - mean) ** 2, 0) / seen.length;
    expect(mean).toBeCloseTo(0, 12);
    expect(variance).toBeCloseTo(1, 12);
  });
  it('without standardize, outputs the plain power transform', () => {
    const pt = new PowerTransformer({ standardize: false }).fit(skewed);
    const want = yeoJohnson(skewed.columnOf('a', 'number').values, pt.state.lambdas[0]);
    expect(values(pt.transform(skewed), 'a')).toEqual(Array.from(want));
  });
  it('refuses a column with no values at fit, naming it', () => {
    const f = new Frame({ empty: col.number([null, null]) });
    expect(() => new PowerTransformer().fit(f)).toThrow(InputError);
    expect(() => new PowerTransformer().fit(f)).toThrow(/'empty'/);
  });
});
