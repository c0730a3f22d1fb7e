import type { Matrix } from '../../data/matrix.js';
import { weightedMeans } from '../linalg/gram.js';
import { lstsq } from '../linalg/lstsq.js';
import { dot } from '../linalg/vector.js';

/**
 * min ||sqrt(W)(Xc b - yc)||² + alpha ||b||² by min-norm least squares on the centered, weighted
 * design, stacked with sqrt(alpha) I when alpha > 0. Shared by LinearRegression and Ridge's fallback.
 */
export function leastSquares(
  X: Matrix,
  y: Float64Array,
  w: Float64Array | null,
  fitIntercept: boolean,
  alpha: number,
): { coef: Float64Array; intercept: number; rank: number } {
  const n = X.rows;
  const p = X.cols;
  const x = X.data;
  const { xMean, yMean } = fitIntercept
    ? weightedMeans(x, n, p, y, w)
    : { xMean: new Float64Array(p), yMean: 0 };
  const extra = alpha > 0 ? p : 0;
  const a = new Float64Array((n + extra) * p);
  const b = new Float64Array(n + extra);
  for (let i = 0; i < n; i++) {
    const sw = w ? Math.sqrt(w[i]) : 1;
    const row = i * p;
    for (let j = 0; j < p; j++) a[row + j] = (x[row + j] - xMean[j]) * sw;
    b[i] = (y[i] - yMean) * sw;
  }
  const ra = Math.sqrt(alpha);
  for (let j = 0; j < extra; j++) a[(n + j) * p + j] = ra;
  const { x: coef, rank } = lstsq(a, n + extra, p, b);
  const intercept = fitIntercept ? yMean - dot(xMean, coef) : 0;
  return { coef, intercept, rank };
}
