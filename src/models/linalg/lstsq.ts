/**
 * Minimum-norm least squares, the answer scipy.linalg.lstsq (LAPACK gelsd) gives: minimize
 * ||A x - b|| and, among minimizers, ||x||. Singular values below rcond * s_max count as zero, so a
 * rank-deficient A (duplicate or constant columns) gets the min-norm solution instead of noise.
 * Tall A goes through Householder QR first, then a Jacobi SVD of the small triangle. Browser-safe.
 */
import { qrLeastSquares } from './householder-qr.js';
import { jacobiSVD } from './jacobi-svd.js';

export interface LstsqResult {
  readonly x: Float64Array;
  /** Number of singular values kept. */
  readonly rank: number;
  readonly singularValues: Float64Array;
}

const EPS = 2.220446049250313e-16;

/**
 * Solves min ||A x - b|| for A n×p row-major. `rcond` defaults to eps * max(n, p) (numpy's default);
 * scipy's gelsd uses eps, which is looser than rounding noise of the factorization itself.
 */
export function lstsq(a: Float64Array, n: number, p: number, b: Float64Array, rcond?: number): LstsqResult {
  const cutoffRel = rcond ?? EPS * Math.max(n, p);
  if (n >= p) {
    // A = Q R, R = U S V'  =>  x = V S+ U' (Q'b)
    const { r, qtb } = qrLeastSquares(a, n, p, b);
    const rc = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) rc[j * p + i] = r[i * p + j];
    const { u, s, v } = jacobiSVD(rc, p, p);
    return combine(u, s, v, qtb, p, p, cutoffRel, 'right');
  }
  // Wide: A' = U S V' (U p×n)  =>  A = V S U'  =>  x = U S+ V' b. Row-major A is column-major A'.
  const { u, s, v } = jacobiSVD(a, p, n);
  return combine(u, s, v, b, p, n, cutoffRel, 'left');
}

/**
 * x = sum over kept j of (w_j' c / s_j) z_j, where (w, z) = (U, V) for 'right' (x = V S+ U' c, both
 * k×k) and (V, U) for 'left' (x = U S+ V' c, U m×k). Vectors are the columns of column-major arrays.
 */
function combine(
  u: Float64Array,
  s: Float64Array,
  v: Float64Array,
  c: Float64Array,
  m: number,
  k: number,
  cutoffRel: number,
  mode: 'right' | 'left',
): LstsqResult {
  let smax = 0;
  for (let j = 0; j < k; j++) smax = Math.max(smax, s[j]);
  const cutoff = cutoffRel * smax;
  const [w, z] = mode === 'right' ? [u, v] : [v, u];
  const wLen = k;
  const zLen = mode === 'right' ? k : m;
  const x = new Float64Array(zLen);
  let rank = 0;
  for (let j = 0; j < k; j++) {
    if (!(s[j] > cutoff)) continue;
    rank++;
    let proj = 0;
    for (let i = 0; i < wLen; i++) proj += w[j * wLen + i] * c[i];
    proj /= s[j];
    for (let i = 0; i < zLen; i++) x[i] += proj * z[j * zLen + i];
  }
  const singularValues = Float64Array.from(s).sort().reverse();
  return { x, rank, singularValues };
}
