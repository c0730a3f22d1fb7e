import { describe, expect, it } from 'vitest';
import { matrix } from '../../data/matrix.js';
import { runEstimatorContract } from '../../testing/estimator-contract.js';
import { InputError } from '../../util/errors.js';
import { estimatorFromJSON } from '../registry.js';
import { LinearRegression } from './linear-regression.js';
import { dropLastColumn, regressionData, withNaN } from './test-data.js';

runEstimatorContract({
  name: 'LinearRegression',
  make: (p) => new LinearRegression(p),
  restore: (json) => LinearRegression.fromJSON(json),
  data: () => regressionData(60, [1, -2, 0.5], 3),
  output: (m, X) => m.predict(X),
  wrongWidth: dropLastColumn,
  withNaN,
  nan: 'reject',
  badParams: [{ fitIntercept: 'yes' }, { alpha: 1 }],
});

describe('LinearRegression', () => {
  it('recovers the coefficients of noiseless data', () => {
    const { X, y } = regressionData(30, [1.5, -2, 0.25, 4], -7, 0);
    const m = new LinearRegression().fit(X, y);
    for (const [j, c] of [1.5, -2, 0.25, 4].entries()) expect(m.state.coef[j]).toBeCloseTo(c, 12);
    expect(m.state.intercept).toBeCloseTo(-7, 12);
    expect(m.state.rank).toBe(4);
  });

  it('goes through the origin without an intercept', () => {
    const X = matrix(3, 1, new Float64Array([1, 2, 3]));
    const m = new LinearRegression({ fitIntercept: false }).fit(X, new Float64Array([1, 2, 4]));
    expect(m.state.intercept).toBe(0);
    expect(m.state.coef[0]).toBeCloseTo(17 / 14, 14); // sum(xy) / sum(x²)
  });

  it('treats a weight of 2 like a repeated row and a weight of 0 like a dropped row', () => {
    const { X, y } = regressionData(20, [1, -1], 0.5, 1);
    const w = new Float64Array(20).fill(1);
    w[3] = 2;
    w[7] = 0;
    const weighted = new LinearRegression().fit(X, y, { sampleWeight: w });
    const rows: number[] = [];
    for (let i = 0; i < 20; i++) if (i !== 7) rows.push(i);
    rows.push(3);
    const Xr = matrix(
      rows.length,
      2,
      Float64Array.from(rows.flatMap((i) => [X.data[2 * i], X.data[2 * i + 1]])),
    );
    const yr = Float64Array.from(rows.map((i) => y[i]));
    const repeated = new LinearRegression().fit(Xr, yr);
    for (let j = 0; j < 2; j++) expect(weighted.state.coef[j]).toBeCloseTo(repeated.state.coef[j], 12);
    expect(weighted.state.intercept).toBeCloseTo(repeated.state.intercept, 12);
  });

  it('gives min-norm coefficients for a constant column and fewer rows than features', () => {
    const X = matrix(3, 4, new Float64Array([1, 2, 7, 0, 2, 1, 7, 1, 3, 5, 7, 0]));
    const y = new Float64Array([1, 2, 3]);
    const m = new LinearRegression().fit(X, y);
    expect(m.state.coef[2]).toBeCloseTo(0, 12); // constant column: centered to zero
    expect(m.state.rank).toBe(2);
    const pred = m.predict(X);
    for (let i = 0; i < 3; i++) expect(pred[i]).toBeCloseTo(y[i], 10);
  });

  it("fills the caller's buffer", () => {
    const { X, y } = regressionData(10, [1], 0);
    const out = new Float64Array(10);
    expect(new LinearRegression().fit(X, y).predict(X, out)).toBe(out);
  });

  it('refuses bad sample weights with an InputError naming sampleWeight', () => {
    const { X, y } = regressionData(10, [1], 0);
    for (const w of [
      new Float64Array(9),
      Float64Array.from({ length: 10 }, (_, i) => (i === 4 ? -1 : 1)),
      new Float64Array(10),
    ]) {
      let err: unknown;
      try {
        new LinearRegression().fit(X, y, { sampleWeight: w });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).details.field).toBe('sampleWeight');
    }
  });

  it('is restored through the registry by kind', () => {
    const { X, y } = regressionData(10, [1, 2], 0);
    const m = new LinearRegression().fit(X, y);
    const back = estimatorFromJSON(m.toJSON()) as LinearRegression;
    expect(back).toBeInstanceOf(LinearRegression);
    expect(Array.from(back.predict(X))).toEqual(Array.from(m.predict(X)));
  });
});
