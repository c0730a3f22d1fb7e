/**
 * Regression metrics, as scikit-learn 1.2's `mean_squared_error` (and its `squared=False` RMSE),
 * `mean_absolute_error` and `r2_score`, for one output, with optional sample weights.
 */
import {
  checkFinite,
  checkNotEmpty,
  checkSameLength,
  checkWeights,
  type Values,
  type Weights,
  weightTotal,
} from './validate.js';

export interface RegressionOptions {
  sampleWeight?: Weights;
}

export function mse(yTrue: Values, yPred: Values, options: RegressionOptions = {}): number {
  const { t, p, w } = checked(yTrue, yPred, options);
  const sq = new Float64Array(t.length);
  for (let i = 0; i < sq.length; i++) {
    const d = t[i] - p[i];
    sq[i] = d * d;
  }
  return weightedMean(sq, w);
}

export function rmse(yTrue: Values, yPred: Values, options: RegressionOptions = {}): number {
  return Math.sqrt(mse(yTrue, yPred, options));
}

export function mae(yTrue: Values, yPred: Values, options: RegressionOptions = {}): number {
  const { t, p, w } = checked(yTrue, yPred, options);
  const abs = new Float64Array(t.length);
  for (let i = 0; i < abs.length; i++) abs[i] = Math.abs(p[i] - t[i]);
  return weightedMean(abs, w);
}

/**
 * Coefficient of determination, 1 - SS_res / SS_tot, with scikit-learn's finite edge cases: with a
 * constant yTrue, 1 for perfect predictions and 0 otherwise; NaN with fewer than two samples (as
 * scikit-learn, which warns). "Constant" is tested exactly over the samples with non-zero weight,
 * where scikit-learn compares a floating-point mean, so that a constant like 0.1 is not taken for
 * a tiny spread.
 */
export function r2(yTrue: Values, yPred: Values, options: RegressionOptions = {}): number {
  const { t, p, w } = checked(yTrue, yPred, options);
  const n = t.length;
  if (n < 2) return Number.NaN;
  const mean = weightedMean(t, w);
  let ssRes = 0;
  let ssTot = 0;
  let first = Number.NaN;
  let constant = true;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    const res = t[i] - p[i];
    const dev = t[i] - mean;
    ssRes += wi * (res * res);
    ssTot += wi * (dev * dev);
    if (wi !== 0) {
      if (Number.isNaN(first)) first = t[i];
      else if (t[i] !== first) constant = false;
    }
  }
  if (constant) ssTot = 0;
  if (ssRes === 0) return 1;
  if (ssTot === 0) return 0;
  return 1 - ssRes / ssTot;
}

function checked(yTrue: Values, yPred: Values, options: RegressionOptions) {
  const n = yTrue.length;
  checkNotEmpty(n, 'yTrue');
  checkSameLength(n, yPred, 'yPred');
  const t = checkFinite(yTrue, 'yTrue');
  const p = checkFinite(yPred, 'yPred');
  const w = checkWeights(options.sampleWeight, n);
  if (w) weightTotal(w);
  return { t, p, w };
}

/** Σ w·v / Σ w, or the plain mean without weights (scikit-learn's `np.average`). */
function weightedMean(v: Float64Array, w: Float64Array | undefined): number {
  let s = 0;
  if (!w) {
    for (let i = 0; i < v.length; i++) s += v[i];
    return s / v.length;
  }
  let total = 0;
  for (let i = 0; i < v.length; i++) {
    s += w[i] * v[i];
    total += w[i];
  }
  return s / total;
}
