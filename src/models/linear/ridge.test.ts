import { describe, expect, it } from 'vitest';
import { matrix } from '../../data/matrix.js';
import { runEstimatorContract } from '../../testing/estimator-contract.js';
import { LinearRegression } from './linear-regression.js';
import { Ridge } from './ridge.js';
import { dropLastColumn, regressionData, withNaN } from './test-data.js';

runEstimatorContract({
  name: 'Ridge',
  make: (p) => new Ridge(p),
  restore: (json) => Ridge.fromJSON(json),
  data: () => regressionData(60, [1, -2, 0.5], 3),
  output: (m, X) => m.predict(X),
  wrongWidth: dropLastColumn,
  withNaN,
  nan: 'reject',
  badParams: [{ alpha: -1 }, { alpha: Number.NaN }, { fitIntercept: 1 }],
});

describe('Ridge', () => {
  it("solves (Xc'Xc + alpha I) b = Xc'yc with an unpenalized intercept", () => {
    const { X, y } = regressionData(40, [2, -1], 10, 0.5);
    const alpha = 3;
    const m = new Ridge({ alpha }).fit(X, y);
    const { coef, intercept } = m.state;
    // gradient of the objective at the solution is zero
    const mean = [0, 0];
    let ym = 0;
    for (let i = 0; i < 40; i++) {
      mean[0] += X.data[2 * i] / 40;
      mean[1] += X.data[2 * i + 1] / 40;
      ym += y[i] / 40;
    }
    const g = [alpha * coef[0], alpha * coef[1]];
    for (let i = 0; i < 40; i++) {
      const r = coef[0] * (X.data[2 * i] - mean[0]) + coef[1] * (X.data[2 * i + 1] - mean[1]) - (y[i] - ym);
      g[0] += r * (X.data[2 * i] - mean[0]);
      g[1] += r * (X.data[2 * i + 1] - mean[1]);
    }
    expect(Math.abs(g[0])).toBeLessThan(1e-10);
    expect(Math.abs(g[1])).toBeLessThan(1e-10);
    expect(intercept).toBeCloseTo(ym - coef[0] * mean[0] - coef[1] * mean[1], 12);
    expect(m.state.solver).toBe('cholesky');
  });

  it('shrinks coefficients toward zero as alpha grows', () => {
    const { X, y } = regressionData(40, [2, -1], 0, 0.1);
    const norms = [0.1, 10, 1000].map((alpha) => {
      const c = new Ridge({ alpha }).fit(X, y).state.coef;
      return Math.hypot(c[0], c[1]);
    });
    expect(norms[0]).toBeGreaterThan(norms[1]);
    expect(norms[1]).toBeGreaterThan(norms[2]);
  });

  it('equals LinearRegression at alpha 0, falling back to least squares on collinear columns', () => {
    const { X, y } = regressionData(30, [1, 2], 1, 0.2);
    const ridge = new Ridge({ alpha: 0 }).fit(X, y);
    const ols = new LinearRegression().fit(X, y);
    for (let j = 0; j < 2; j++) expect(ridge.state.coef[j]).toBeCloseTo(ols.state.coef[j], 10);
    const dup = matrix(
      30,
      3,
      Float64Array.from({ length: 90 }, (_, k) => X.data[2 * Math.floor(k / 3) + (k % 3 === 2 ? 0 : k % 3)]),
    );
    const r = new Ridge({ alpha: 0 }).fit(dup, y);
    expect(r.state.solver).toBe('lstsq');
    expect(r.state.coef[0]).toBeCloseTo(r.state.coef[2], 10);
  });
});
