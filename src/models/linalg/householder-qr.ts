/**
 * Householder QR of a tall matrix, reduced to what least squares needs: R (p×p, upper) and Q'b.
 * Works on a column-major copy so each reflector sweeps contiguous columns. Browser-safe.
 */
import { norm2 } from './vector.js';

export interface QRLeastSquares {
  /** Upper-triangular p×p, row-major (zeros below the diagonal). */
  readonly r: Float64Array;
  /** The first p entries of Q'b. */
  readonly qtb: Float64Array;
}

/**
 * Factors A (n×p, n >= p, row-major) as Q R and applies Q' to b, without forming Q. A and b are not
 * modified.
 */
export function qrLeastSquares(a: Float64Array, n: number, p: number, b: Float64Array): QRLeastSquares {
  if (n < p) throw new RangeError(`qrLeastSquares needs rows >= cols, got ${n}×${p}`);
  const cm = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row = i * p;
    for (let j = 0; j < p; j++) cm[j * n + i] = a[row + j];
  }
  const y = Float64Array.from(b);
  for (let k = 0; k < p; k++) {
    const colK = k * n;
    const alpha = norm2(cm, colK + k, n - k);
    if (alpha === 0) continue;
    // v = x - beta e1 with beta = -sign(x0) ||x||: no cancellation in v0.
    const beta = cm[colK + k] >= 0 ? -alpha : alpha;
    cm[colK + k] -= beta;
    let vv = 0;
    for (let i = k; i < n; i++) vv += cm[colK + i] * cm[colK + i];
    const tau = 2 / vv;
    for (let j = k + 1; j < p; j++) reflect(cm, colK, j * n, k, n, tau);
    reflect(cm, colK, 0, k, n, tau, y);
    cm[colK + k] = beta;
    for (let i = k + 1; i < n; i++) cm[colK + i] = 0;
  }
  const r = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) r[i * p + j] = cm[j * n + i];
  return { r, qtb: y.slice(0, p) };
}

/** target[k:] -= tau * v (v' target[k:]), v stored in cm[colK + k ..]; target is cm at `off` or `other`. */
function reflect(
  cm: Float64Array,
  colK: number,
  off: number,
  k: number,
  n: number,
  tau: number,
  other?: Float64Array,
): void {
  const t = other ?? cm;
  let s = 0;
  for (let i = k; i < n; i++) s += cm[colK + i] * t[off + i];
  s *= tau;
  if (s === 0) return;
  for (let i = k; i < n; i++) t[off + i] -= s * cm[colK + i];
}
