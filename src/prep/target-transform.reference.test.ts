import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrix } from '../data/matrix.js';
import { LinearRegression, Ridge } from '../models/linear/index.js';
import { type TargetFunc, TransformedTarget } from './target-transform.js';

/** Written by fixtures/make_pipeline_fixtures.py: TransformedTargetRegressor on diabetes. */
interface TTFixture {
  testEvery: number;
  ridgeAlpha: number;
  cases: {
    func: TargetFunc;
    model: 'linear' | 'ridge';
    lambda?: number;
    mean?: number;
    scale?: number;
    predictions: number[];
  }[];
}

const fx = JSON.parse(
  readFileSync(new URL('./fixtures/target-transform.json', import.meta.url), 'utf8'),
) as TTFixture;

/** datasets/diabetes.csv: ten numeric features, then the target. */
function diabetes() {
  const [header, ...lines] = readFileSync(new URL('../../datasets/diabetes.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const p = header.split(',').length - 1;
  const rows = lines.map((l) => l.split(',').map(Number));
  const part = (keep: (i: number) => boolean) => {
    const picked = rows.filter((_, i) => keep(i));
    return {
      X: matrix(picked.length, p, Float64Array.from(picked.flatMap((r) => r.slice(0, p)))),
      y: Float64Array.from(picked, (r) => r[p]),
    };
  };
  return { train: part((i) => i % fx.testEvery !== 0), test: part((i) => i % fx.testEvery === 0) };
}

describe('TransformedTarget matches scikit-learn TransformedTargetRegressor on diabetes', () => {
  const { train, test } = diabetes();
  it.each(fx.cases.map((c) => [c.func, c.model, c] as const))('%s with %s', (func, model, c) => {
    const regressor = model === 'linear' ? new LinearRegression() : new Ridge({ alpha: fx.ridgeAlpha });
    const t = new TransformedTarget({ regressor, func }).fit(train.X, train.y);
    const got = t.predict(test.X);
    expect(got.length).toBe(c.predictions.length);
    // least squares agree to ~1e-12 relative; Box-Cox's λ comes from Brent's method on a sum
    // whose objective is flat at the optimum: it agrees to ~2e-8 (see box-cox.ts), predictions to ~1e-7
    const tol = func === 'boxcox' ? 1e-7 : 1e-9;
    for (let i = 0; i < got.length; i++)
      expect(Math.abs(got[i] - c.predictions[i]) / c.predictions[i]).toBeLessThan(tol);
    if (c.lambda !== undefined) expect(Math.abs(t.state.lambda - c.lambda)).toBeLessThan(5e-8);
    if (c.mean !== undefined) {
      expect(t.state.center).toBeCloseTo(c.mean, 10);
      expect(t.state.scale).toBeCloseTo(c.scale!, 10);
    }
  });
});
