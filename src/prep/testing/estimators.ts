/**
 * Tiny real estimators for Pipeline tests, so preprocessing does not wait on the model families.
 * Not part of the build (src/**\/testing/** is excluded).
 */
import type { Frame } from '../../data/frame.js';
import { type Matrix, matrix } from '../../data/matrix.js';
import {
  type Classifier,
  checkFitInput,
  checkPredictInput,
  Estimator,
  type FitOptions,
  type Regressor,
} from '../../models/estimator.js';
import { type ParamSpecs, param } from '../../models/params.js';
import { registerEstimator } from '../../models/registry.js';
import type { Transformer } from '../transformer.js';

export interface MeanRegressorParams {
  /** Added to every prediction. Default 0. */
  shift: number;
}

// Specs are module constants, as in real estimators: clones then compare equal.
const MEAN_SPECS: ParamSpecs<MeanRegressorParams> = { shift: param.number('Added to predictions.') };
const NO_SPECS: ParamSpecs<Record<string, never>> = {};
const RECORDING_SPECS: ParamSpecs<RecordingParams> = {
  idColumn: param.custom('Row id column.', 'a column name', (v) => typeof v === 'string'),
};

/** Predicts the (weighted) training mean of y plus `shift`, plus the sum of the row's features × 1e-3. */
export class MeanRegressor
  extends Estimator<MeanRegressorParams, { mean: number; nFeatures: number }>
  implements Regressor
{
  readonly kind = 'test.MeanRegressor';
  protected readonly specs = MEAN_SPECS;

  constructor(params: Partial<MeanRegressorParams> = {}) {
    super({ shift: 0 }, params);
  }

  fit(X: Matrix, y: Float64Array, opts: FitOptions = {}): this {
    this.checkParams();
    checkFitInput(this.kind, X, y);
    let sum = 0;
    let wsum = 0;
    for (let i = 0; i < y.length; i++) {
      const w = opts.sampleWeight?.[i] ?? 1;
      sum += w * y[i];
      wsum += w;
    }
    this.fitted = { mean: sum / wsum, nFeatures: X.cols };
    return this;
  }

  predict(X: Matrix, out = new Float64Array(X.rows)): Float64Array {
    const s = this.state;
    checkPredictInput(this.kind, X, s.nFeatures);
    for (let i = 0; i < X.rows; i++) {
      let t = 0;
      for (let j = 0; j < X.cols; j++) t += X.data[i * X.cols + j];
      out[i] = s.mean + this.params.shift + t * 1e-3;
    }
    return out;
  }
}

/** Predicts the most frequent training class; probabilities are the training class shares. */
export class MajorityClassifier
  extends Estimator<Record<string, never>, { classes: Float64Array; shares: Float64Array; nFeatures: number }>
  implements Classifier
{
  readonly kind = 'test.MajorityClassifier';
  protected readonly specs = NO_SPECS;

  constructor(params: Partial<Record<string, never>> = {}) {
    super({}, params);
  }

  get classes(): Float64Array {
    return this.state.classes;
  }

  fit(X: Matrix, y: Float64Array): this {
    this.checkParams();
    checkFitInput(this.kind, X, y);
    const classes = Float64Array.from(new Set(y)).sort();
    const shares = new Float64Array(classes.length);
    for (const v of y) shares[classes.indexOf(v)] += 1 / y.length;
    this.fitted = { classes, shares, nFeatures: X.cols };
    return this;
  }

  predict(X: Matrix, out = new Float64Array(X.rows)): Float64Array {
    const { classes, shares } = this.state;
    checkPredictInput(this.kind, X, this.state.nFeatures);
    let best = 0;
    for (let k = 1; k < shares.length; k++) if (shares[k] > shares[best]) best = k;
    return out.fill(classes[best]);
  }

  predictProba(X: Matrix): Matrix {
    const { shares } = this.state;
    checkPredictInput(this.kind, X, this.state.nFeatures);
    const out = matrix(X.rows, shares.length);
    for (let i = 0; i < X.rows; i++) out.data.set(shares, i * shares.length);
    return out;
  }
}

export interface RecordingParams {
  /** Number column holding row ids. */
  idColumn: string;
}

/** Every fit call's row ids, across all instances and clones, in call order. */
export const fitLog: number[][] = [];

/** Passes frames through unchanged, remembering the ids of the rows it was fitted on. */
export class RecordingTransformer
  extends Estimator<RecordingParams, { fitIds: number[] }>
  implements Transformer
{
  readonly kind = 'test.RecordingTransformer';
  protected readonly specs = RECORDING_SPECS;

  constructor(params: Partial<RecordingParams> = {}) {
    super({ idColumn: 'id' }, params);
  }

  fit(frame: Frame): this {
    this.checkParams();
    const fitIds = Array.from(frame.columnOf(this.params.idColumn, 'number').values);
    fitLog.push(fitIds);
    this.fitted = { fitIds };
    return this;
  }

  transform(frame: Frame): Frame {
    this.state;
    return frame;
  }

  featureNamesOut(inputNames: readonly string[]): string[] {
    return [...inputNames];
  }
}

registerEstimator('test.MeanRegressor', MeanRegressor);
registerEstimator('test.MajorityClassifier', MajorityClassifier);
registerEstimator('test.RecordingTransformer', RecordingTransformer);
