import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import type { Matrix } from '../data/matrix.js';
import { GroupKFold } from '../data/splits/group-kfold.js';
import { KFold } from '../data/splits/kfold.js';
import { TimeSeriesSplit } from '../data/splits/time-series-split.js';
import { checkPredictInput, Estimator, type Regressor } from '../models/estimator.js';
import type { ParamSpecs } from '../models/params.js';
import { ColumnTransformer } from '../prep/column-transformer.js';
import { Pipeline } from '../prep/pipeline.js';
import { RandomOverSampler } from '../prep/resample.js';
import { SimpleImputer } from '../prep/simple-imputer.js';
import { StandardScaler } from '../prep/standard-scaler.js';
import { TargetEncoder } from '../prep/target-encoder.js';
import { TransformedTarget } from '../prep/target-transform.js';
import { fitLog, RecordingTransformer } from '../prep/testing/estimators.js';
import { crossValidate } from './cross-validate.js';

const NO_SPECS: ParamSpecs<Record<string, never>> = {};
/** Every model fit's row ids (the matrix's first column), across clones, in call order. */
const modelLog: number[][] = [];

/** A regressor that remembers the ids (first feature) of the rows it was fitted on; predicts 1. */
class RecordingRegressor
  extends Estimator<Record<string, never>, { nFeatures: number }>
  implements Regressor
{
  readonly kind = 'test.RecordingRegressor';
  protected readonly specs = NO_SPECS;
  constructor(p: Partial<Record<string, never>> = {}) {
    super({}, p);
  }
  fit(X: Matrix): this {
    modelLog.push(Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols]));
    this.fitted = { nFeatures: X.cols };
    return this;
  }
  predict(X: Matrix, out = new Float64Array(X.rows)): Float64Array {
    checkPredictInput(this.kind, X, this.state.nFeatures, { allowNaN: true });
    return out.fill(1);
  }
}

/** 60 rows: an id, numbers with missing values, a category, classes 0/1 (imbalanced). */
function data(): { frame: Frame; y: Float64Array } {
  const n = 60;
  const ids = Array.from({ length: n }, (_, i) => i);
  return {
    frame: new Frame({
      id: col.number(ids),
      x: col.number(ids.map((i) => (i % 9 === 0 ? null : i * i))),
      color: col.category(ids.map((i) => (i % 11 === 0 ? null : ['red', 'green', 'blue'][i % 3]))),
    }),
    y: Float64Array.from(ids, (i) => (i % 4 === 0 ? 1 : 0)),
  };
}

/** Every kind of step: plain, cross-fitted, inside a ColumnTransformer, after a resampler. */
function leakyCandidate(): Pipeline {
  return new Pipeline({
    steps: [
      new RecordingTransformer({ idColumn: 'id' }),
      new SimpleImputer({ strategy: 'mean', columns: ['x'] }),
      new TargetEncoder({ columns: ['color'], cv: 3 }),
      new ColumnTransformer({
        transformers: [
          { name: 'ids', steps: new RecordingTransformer({ idColumn: 'id' }), columns: ['id'] },
          { name: 'num', steps: new StandardScaler(), columns: ['x'] },
        ],
        remainder: 'passthrough',
      }),
      new RandomOverSampler({ seed: 1 }),
      new RecordingTransformer({ idColumn: 'id' }),
      new TransformedTarget({ regressor: new RecordingRegressor(), func: 'log1p' }),
    ],
  });
}

describe('crossValidate never fits a step on rows of the fold it is scored on', () => {
  it.each([
    ['KFold, shuffled', new KFold({ nSplits: 4, shuffle: true, seed: 2 })],
    ['GroupKFold', new GroupKFold({ nSplits: 3 })],
    ['TimeSeriesSplit', new TimeSeriesSplit({ nSplits: 3, gap: 2 })],
  ] as const)('%s: every recording step saw only its fold training rows', (_, cv) => {
    const { frame, y } = data();
    const groups = Array.from({ length: frame.nRows }, (_, i) => i % 7);
    const splits = cv.split(frame.nRows, { y, groups });
    fitLog.length = 0;
    modelLog.length = 0;
    const result = crossValidate(leakyCandidate(), frame, y, { cv, groups, metrics: ['rmse'] });
    expect(result.folds).toHaveLength(splits.length);
    // three recorders per fold: first step, inside the ColumnTransformer, after the resampler
    expect(fitLog).toHaveLength(3 * splits.length);
    expect(modelLog).toHaveLength(splits.length);
    splits.forEach((split, f) => {
      const train = Array.from(split.train);
      const test = new Set(split.test);
      const [first, inner, afterResample] = fitLog.slice(3 * f, 3 * f + 3);
      expect(first).toEqual(train);
      expect(inner).toEqual(train);
      // the oversampler repeats training rows, never adds others
      expect(new Set(afterResample)).toEqual(new Set(train));
      expect(afterResample.length).toBeGreaterThan(train.length);
      for (const seen of [first, inner, afterResample, modelLog[f]])
        for (const id of seen) expect(test.has(id)).toBe(false);
      expect(modelLog[f]).toEqual(afterResample);
      expect(result.folds[f].testRows).toBe(split.test.length);
    });
  });
});
