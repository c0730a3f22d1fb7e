import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { fromRows, type Matrix, matrix } from '../data/matrix.js';
import { LinearRegression, LogisticRegression } from '../models/linear/index.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { parseTyped, stringifyTyped } from '../util/typed-json.js';
import { Pipeline } from './pipeline.js';
import { SimpleImputer } from './simple-imputer.js';
import { TransformedTarget } from './target-transform.js';
import { MeanRegressor } from './testing/estimators.js';

/** y = exp(1 + 0.5 x0 - 0.2 x1) exactly: log-linear, so a log target makes it linear. */
function data(): { X: Matrix; y: Float64Array } {
  const rows: number[][] = [];
  for (let i = 0; i < 30; i++) rows.push([i / 10, (i % 7) - 3]);
  return { X: fromRows(rows), y: Float64Array.from(rows, ([a, b]) => Math.exp(1 + 0.5 * a - 0.2 * b)) };
}

runEstimatorContract<TransformedTarget, Matrix>({
  name: 'TransformedTarget',
  make: (p) => new TransformedTarget({ regressor: new LinearRegression(), func: 'log', ...(p ?? {}) }),
  restore: (json) => TransformedTarget.fromJSON(json),
  data,
  fit: (est, X, y) => est.fit(X, y as Float64Array),
  output: (est, X) => est.predict(X),
  wrongWidth: (X) =>
    matrix(
      X.rows,
      1,
      Float64Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols]),
    ),
  withNaN: (X) => {
    const d = Float64Array.from(X.data);
    d[0] = Number.NaN;
    return matrix(X.rows, X.cols, d);
  },
  nan: 'reject',
  badParams: [
    { func: 'exp' },
    { regressor: null },
    { regressor: new LogisticRegression() },
    { regressor: new SimpleImputer() },
  ],
});

describe('TransformedTarget', () => {
  it('learns the transformed target and predicts on the original scale', () => {
    const { X, y } = data();
    const t = new TransformedTarget({ regressor: new LinearRegression(), func: 'log' }).fit(X, y);
    const p = t.predict(X);
    for (let i = 0; i < y.length; i++) expect(p[i]).toBeCloseTo(y[i], 9);
    const inner = t.state.model as LinearRegression;
    expect(inner.state.intercept).toBeCloseTo(1, 12);
    expect(Array.from(t.transformTarget(Float64Array.from([Math.E])))).toEqual([1]);
  });

  it.each([
    ['log', 0, /needs y > 0, but the target at row 2 is 0; use func 'log1p'/],
    ['boxcox', -1, /needs y > 0/],
    ['sqrt', -1, /needs y >= 0/],
    ['log1p', -1, /needs y > -1/],
  ] as const)('%s refuses a target out of its domain, naming the row', (func, bad, message) => {
    const { X, y } = data();
    y[2] = bad;
    let err: unknown;
    try {
      new TransformedTarget({ regressor: new LinearRegression(), func }).fit(X, y);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as InputError).details.row).toBe(2);
  });

  it('standardize inverts exactly and keeps a constant target', () => {
    const { X } = data();
    const y = new Float64Array(X.rows).fill(7);
    const t = new TransformedTarget({ regressor: new MeanRegressor(), func: 'standardize' }).fit(X, y);
    expect(t.state.scale).toBe(1);
    expect(t.state.center).toBe(7);
  });

  it('is the final step of a Pipeline: saved, restored and served on the original scale', () => {
    const frame = new Frame({ a: col.number([1, 2, 3, null, 5, 6]), b: col.number([0, 1, 0, 1, 0, 1]) });
    const y = Float64Array.from([10, 20, 40, 80, 160, 320]);
    const p = new Pipeline({
      steps: [new SimpleImputer(), new TransformedTarget({ regressor: new LinearRegression(), func: 'log' })],
    }).fit(frame, y);
    const pred = p.predict(frame);
    expect(pred.every((v) => v > 0)).toBe(true);
    const back = Pipeline.fromJSON(parseTyped(stringifyTyped(p.toJSON())) as ReturnType<Pipeline['toJSON']>);
    expect(Array.from(back.predict(frame))).toEqual(Array.from(pred));
    expect(p.isClassifier).toBe(false);
  });

  it('passes sample weights through to the regressor', () => {
    const { X, y } = data();
    const w = new Float64Array(y.length);
    w[0] = 1;
    const t = new TransformedTarget({ regressor: new MeanRegressor(), func: 'log' }).fit(X, y, {
      sampleWeight: w,
    });
    expect((t.state.model as MeanRegressor).state.mean).toBeCloseTo(Math.log(y[0]), 12);
  });
});
