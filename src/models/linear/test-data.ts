/**
 * Small synthetic data for the linear models' unit and contract tests (seeded, no files).
 */
import { type Matrix, matrix } from '../../data/matrix.js';
import { Rng } from '../../util/random.js';

/** y = X coef + intercept + noise, X standard normal. */
export function regressionData(
  n: number,
  coef: readonly number[],
  intercept: number,
  noise = 0.1,
  seed = 1,
): { X: Matrix; y: Float64Array } {
  const rng = new Rng(seed);
  const p = coef.length;
  const data = new Float64Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = intercept;
    for (let j = 0; j < p; j++) {
      const v = rng.normal();
      data[i * p + j] = v;
      s += v * coef[j];
    }
    y[i] = s + noise * rng.normal();
  }
  return { X: matrix(n, p, data), y };
}

/** Labels 0..k-1 from the argmax of X W + noise, X standard normal. */
export function classificationData(
  n: number,
  p: number,
  k: number,
  seed = 1,
  noise = 1,
): { X: Matrix; y: Float64Array } {
  const rng = new Rng(seed);
  const w = Float64Array.from({ length: k * p }, () => rng.normal());
  const data = new Float64Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) data[i * p + j] = rng.normal();
    let best = -Infinity;
    for (let c = 0; c < k; c++) {
      let s = noise * rng.normal();
      for (let j = 0; j < p; j++) s += data[i * p + j] * w[c * p + j];
      if (s > best) {
        best = s;
        y[i] = c;
      }
    }
  }
  return { X: matrix(n, p, data), y };
}

/** X without its last column. */
export function dropLastColumn(X: Matrix): Matrix {
  const p = X.cols - 1;
  const data = new Float64Array(X.rows * p);
  for (let i = 0; i < X.rows; i++) data.set(X.data.subarray(i * X.cols, i * X.cols + p), i * p);
  return matrix(X.rows, p, data);
}

/** A copy of X with one NaN. */
export function withNaN(X: Matrix): Matrix {
  const data = Float64Array.from(X.data);
  data[Math.min(5, data.length - 1)] = Number.NaN;
  return matrix(X.rows, X.cols, data);
}
