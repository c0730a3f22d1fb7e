import { describe, expect, it } from 'vitest';
import { matrix } from '../../data/matrix.js';
import { runEstimatorContract } from '../../testing/estimator-contract.js';
import { InputError } from '../../util/errors.js';
import type { TrainEvent } from '../../util/events.js';
import { estimatorFromJSON } from '../registry.js';
import { LogisticRegression } from './logistic-regression.js';
import { classificationData, dropLastColumn, withNaN } from './test-data.js';

runEstimatorContract({
  name: 'LogisticRegression',
  make: (p) => new LogisticRegression(p),
  restore: (json) => LogisticRegression.fromJSON(json),
  data: () => classificationData(120, 4, 3),
  output: (m, X) => m.predictProba(X).data,
  wrongWidth: dropLastColumn,
  withNaN,
  nan: 'reject',
  badParams: [
    { C: 0 },
    { C: -1 },
    { maxIter: 1.5 },
    { maxIter: 0 },
    { tol: -1 },
    { fitIntercept: 'no' },
    { classWeight: 'auto' },
    { classWeight: { '0': -1 } },
    { classWeight: { a: 1 } },
    { multiClass: 'softmax' },
  ],
});

/** Relabels 0..k-1 as the given labels. */
function relabel(y: Float64Array, labels: number[]): Float64Array {
  return y.map((v) => labels[v]);
}

describe('LogisticRegression', () => {
  it('keeps arbitrary labels, sorted, and predicts only those', () => {
    const { X, y } = classificationData(100, 3, 2);
    const m = new LogisticRegression().fit(X, relabel(y, [7, -3]));
    expect(Array.from(m.classes)).toEqual([-3, 7]);
    for (const v of m.predict(X)) expect([-3, 7]).toContain(v);
    expect(m.state.coefRows).toBe(1);
    expect(m.decisionFunction(X).cols).toBe(1);
  });

  it('gives probabilities that sum to 1 and agree with predict', () => {
    for (const multiClass of ['multinomial', 'ovr'] as const) {
      const { X, y } = classificationData(90, 3, 3, 4);
      const m = new LogisticRegression({ multiClass }).fit(X, relabel(y, [10, 20, 30]));
      const proba = m.predictProba(X);
      expect(proba.cols).toBe(3);
      const pred = m.predict(X);
      for (let i = 0; i < X.rows; i++) {
        const row = Array.from(proba.data.subarray(3 * i, 3 * i + 3));
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(pred[i]).toBe(m.classes[row.indexOf(Math.max(...row))]);
      }
    }
  });

  it('learns a nearly noiseless linear problem', () => {
    const { X, y } = classificationData(400, 5, 3, 9, 0.05);
    const pred = new LogisticRegression().fit(X, y).predict(X);
    let right = 0;
    for (let i = 0; i < y.length; i++) right += pred[i] === y[i] ? 1 : 0;
    expect(right / y.length).toBeGreaterThan(0.95);
  });

  it('treats an integer sample weight like repeated rows', () => {
    const { X, y } = classificationData(40, 2, 2, 3);
    const w = Float64Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? 2 : 1));
    const rows: number[] = [];
    for (let i = 0; i < 40; i++) for (let r = 0; r < w[i]; r++) rows.push(i);
    const Xr = matrix(
      rows.length,
      2,
      Float64Array.from(rows.flatMap((i) => [X.data[2 * i], X.data[2 * i + 1]])),
    );
    const yr = Float64Array.from(rows, (i) => y[i]);
    const opts = { tol: 1e-10, maxIter: 1000 };
    const a = new LogisticRegression(opts).fit(X, y, { sampleWeight: w }).state;
    const b = new LogisticRegression(opts).fit(Xr, yr).state;
    for (let j = 0; j < 2; j++) expect(a.coef[j]).toBeCloseTo(b.coef[j], 6);
    expect(a.intercept[0]).toBeCloseTo(b.intercept[0], 6);
  });

  it('weights a class up with classWeight, moving the boundary toward the other class', () => {
    const { X, y } = classificationData(200, 2, 2, 5);
    const count = (m: LogisticRegression) => m.predict(X).reduce((s, v) => s + (v === 1 ? 1 : 0), 0);
    const plain = count(new LogisticRegression().fit(X, y));
    const heavy = count(new LogisticRegression({ classWeight: { '1': 10 } }).fit(X, y));
    expect(heavy).toBeGreaterThan(plain);
  });

  it('emits start, a step with the loss per L-BFGS iteration, and end', () => {
    const { X, y } = classificationData(100, 3, 2);
    const events: TrainEvent[] = [];
    const m = new LogisticRegression().fit(X, y, { onEvent: (e) => events.push(e) });
    expect(events[0]).toEqual({ type: 'start', phase: 'lbfgs', total: 100 });
    const steps = events.filter((e) => e.type === 'step');
    expect(steps.length).toBe(m.state.nIter[0]);
    const losses = steps.map((e) => (e.type === 'step' ? e.metrics!.loss : Number.NaN));
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThanOrEqual(losses[i - 1]);
    expect(steps.every((e) => e.type === 'step' && e.phase === 'lbfgs')).toBe(true);
    expect(events[events.length - 1].type).toBe('end');
    expect(events.some((e) => e.type === 'warning')).toBe(false);
  });

  it('warns through onEvent when maxIter is reached', () => {
    const { X, y } = classificationData(100, 3, 3);
    const events: TrainEvent[] = [];
    const m = new LogisticRegression({ maxIter: 2 }).fit(X, y, { onEvent: (e) => events.push(e) });
    const warnings = events.filter((e) => e.type === 'warning');
    expect(warnings.length).toBe(1);
    expect(warnings[0].type === 'warning' && warnings[0].message).toMatch(/did not converge.*maxIter/);
    expect(m.state.converged).toBe(false);
    expect(Array.from(m.state.nIter)).toEqual([2]);
  });

  it('fits one model per class for ovr, saying which in the events', () => {
    const { X, y } = classificationData(90, 3, 3);
    const events: TrainEvent[] = [];
    const m = new LogisticRegression({ multiClass: 'ovr' }).fit(X, y, { onEvent: (e) => events.push(e) });
    expect(m.state.nIter.length).toBe(3);
    const ends = events.filter((e) => e.type === 'end');
    expect(ends.map((e) => (e.type === 'end' ? e.metrics!.classIndex : -1))).toEqual([0, 1, 2]);
  });

  it('refuses a single class and a class weight for an unknown label', () => {
    const { X } = classificationData(20, 2, 2);
    expect(() => new LogisticRegression().fit(X, new Float64Array(20))).toThrow(InputError);
    const { y } = classificationData(20, 2, 2);
    let err: unknown;
    try {
      new LogisticRegression({ classWeight: { '5': 2 } }).fit(X, y);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).details.field).toBe('classWeight.5');
  });

  it('is restored through the registry by kind', () => {
    const { X, y } = classificationData(50, 2, 3);
    const m = new LogisticRegression().fit(X, y);
    const back = estimatorFromJSON(m.toJSON()) as LogisticRegression;
    expect(Array.from(back.predictProba(X).data)).toEqual(Array.from(m.predictProba(X).data));
  });
});
