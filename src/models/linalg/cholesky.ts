/**
 * Cholesky factorization A = L L' of a symmetric positive definite p×p matrix (row-major, only the
 * lower triangle read), and solves with it. Browser-safe.
 */

const EPS = 2.220446049250313e-16;

/**
 * Overwrites the lower triangle of `a` with L. Returns false, leaving `a` partly overwritten, when a
 * pivot is not clearly positive (the matrix is not numerically positive definite).
 */
export function choleskyInPlace(a: Float64Array, p: number): boolean {
  for (let j = 0; j < p; j++) {
    const rowJ = j * p;
    const ajj = a[rowJ + j];
    let d = ajj;
    for (let k = 0; k < j; k++) d -= a[rowJ + k] * a[rowJ + k];
    // A pivot lost to rounding (tiny next to the original diagonal) means singular in practice.
    if (!(d > p * EPS * ajj) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      const rowI = i * p;
      let s = a[rowI + j];
      for (let k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
      a[rowI + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L L' x = b in place in `b`, with L from choleskyInPlace. */
export function choleskySolveInPlace(l: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * b[k];
    b[i] = s / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * b[k];
    b[i] = s / l[i * p + i];
  }
}

/**
 * Solves A x = b for symmetric positive definite A (row-major p×p, not modified). Returns null when
 * A is not numerically positive definite.
 */
export function solveSPD(a: Float64Array, p: number, b: Float64Array): Float64Array | null {
  const l = Float64Array.from(a);
  if (!choleskyInPlace(l, p)) return null;
  const x = Float64Array.from(b);
  choleskySolveInPlace(l, p, x);
  return x;
}
