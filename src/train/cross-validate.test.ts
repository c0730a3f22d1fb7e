import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Column, col, Frame } from '../data/frame.js';
import { KFold } from '../data/splits/kfold.js';
import { LogisticRegression, Ridge } from '../models/linear/index.js';
import { Pipeline } from '../prep/pipeline.js';
import { StandardScaler } from '../prep/standard-scaler.js';
import { MajorityClassifier, MeanRegressor } from '../prep/testing/estimators.js';
import type { TrainEvent } from '../util/events.js';
import { crossValidate } from './cross-validate.js';

/** A numeric CSV of datasets/ as a Frame and its last column as y. */
function dataset(name: string): { frame: Frame; y: Float64Array } {
  const [header, ...lines] = readFileSync(new URL(`../../datasets/${name}.csv`, import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const names = header.split(',');
  const rows = lines.map((l) => l.split(',').map(Number));
  const p = names.length - 1;
  return {
    frame: new Frame(
      names.slice(0, p).map((n, j): [string, Column] => [n, col.number(rows.map((r) => r[j]))]),
    ),
    y: Float64Array.from(rows, (r) => r[p]),
  };
}

const fx = JSON.parse(readFileSync(new URL('./fixtures/cross-validate.json', import.meta.url), 'utf8')) as {
  diabetes: { r2: number[]; mae: number[]; rmse: number[] };
  iris: { accuracy: number[]; f1_macro: number[]; log_loss: number[] };
};

describe('crossValidate matches scikit-learn cross_validate', () => {
  it('diabetes, StandardScaler + Ridge, KFold(5): r2, mae, rmse per fold within 1e-9', () => {
    const { frame, y } = dataset('diabetes');
    const r = crossValidate(
      new Pipeline({ steps: [new StandardScaler(), new Ridge({ alpha: 1 })] }),
      frame,
      y,
      {
        cv: 5,
        metrics: ['r2', 'mae', 'rmse'],
      },
    );
    expect(r.cv).toEqual({ kind: 'KFold', nSplits: 5, shuffle: false, seed: 0 });
    for (const m of ['r2', 'mae', 'rmse'] as const)
      r.folds.forEach((f, i) => {
        expect(Math.abs(f.metrics[m] - fx.diabetes[m][i])).toBeLessThan(
          1e-9 * Math.max(1, fx.diabetes[m][i]),
        );
      });
    const mean = fx.diabetes.r2.reduce((a, b) => a + b, 0) / 5;
    expect(r.mean.r2).toBeCloseTo(mean, 9);
  });

  it('iris, StandardScaler + LogisticRegression, a count means StratifiedKFold for a classifier', () => {
    const { frame, y } = dataset('iris');
    const r = crossValidate(
      new Pipeline({ steps: [new StandardScaler(), new LogisticRegression({ C: 1 })] }),
      frame,
      y,
      {
        metrics: ['accuracy', 'f1_macro', 'log_loss'],
      },
    );
    expect(r.cv).toMatchObject({ kind: 'StratifiedKFold', nSplits: 5 });
    r.folds.forEach((f, i) => {
      expect(f.metrics.accuracy).toBe(fx.iris.accuracy[i]);
      expect(f.metrics.f1_macro).toBeCloseTo(fx.iris.f1_macro[i], 12);
      // L-BFGS stops at a tolerance on both sides: probabilities agree to ~1e-5
      expect(f.metrics.log_loss).toBeCloseTo(fx.iris.log_loss[i], 4);
    });
  });
});

describe('crossValidate', () => {
  const small = () => {
    const x = Array.from({ length: 20 }, (_, i) => i);
    return { frame: new Frame({ x: col.number(x) }), y: Float64Array.from(x, (i) => (i % 2) * 10) };
  };

  it('defaults to the task standard metrics and reports progress per fold', () => {
    const { frame, y } = small();
    const events: TrainEvent[] = [];
    const r = crossValidate(new Pipeline({ steps: [new StandardScaler(), new MeanRegressor()] }), frame, y, {
      cv: new KFold({ nSplits: 4, shuffle: true, seed: 1 }),
      trainScores: true,
      onEvent: (e) => events.push(e),
    });
    expect(Object.keys(r.mean)).toEqual(['rmse', 'mae', 'r2', 'mse']);
    expect(r.folds.map((f) => f.testRows)).toEqual([5, 5, 5, 5]);
    expect(r.folds[0].trainMetrics).toBeDefined();
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'step', 'step', 'step', 'end']);
    expect(r.std.rmse).toBeGreaterThanOrEqual(0);
  });

  it('a metric undefined on a fold is NaN there; a metric of the other task is refused', () => {
    const { frame } = small();
    const y = Float64Array.from({ length: 20 }, (_, i) => (i < 18 ? 0 : 1));
    const p = new Pipeline({ steps: [new StandardScaler(), new MajorityClassifier()] });
    const r = crossValidate(p, frame, y, { cv: new KFold({ nSplits: 2 }), metrics: ['accuracy', 'roc_auc'] });
    expect(r.folds[0].metrics.roc_auc).toBeNaN();
    expect(r.folds[0].metrics.accuracy).toBe(1);
    expect(() => crossValidate(p, frame, y, { metrics: ['rmse'] })).toThrow(/metric rmse is for regression/);
    expect(() => crossValidate(p, frame, y.subarray(0, 5))).toThrow(/20 rows but y has 5/);
  });

  it('never fits the pipeline it was given', () => {
    const { frame, y } = small();
    const p = new Pipeline({ steps: [new StandardScaler(), new MeanRegressor()] });
    crossValidate(p, frame, y, { cv: 2 });
    expect(p.isFitted).toBe(false);
  });
});
