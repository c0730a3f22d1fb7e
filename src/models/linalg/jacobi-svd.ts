/**
 * One-sided Jacobi SVD (Hestenes) of a small dense matrix: accurate to high relative precision,
 * simple, and fast enough for the p×p triangles left after QR. Browser-safe.
 */

export interface SVD {
  /** m×k left singular vectors, column-major (column j is u_j); zero columns for zero values. */
  readonly u: Float64Array;
  /** k singular values, not sorted. */
  readonly s: Float64Array;
  /** k×k right singular vectors, column-major (column j is v_j). */
  readonly v: Float64Array;
}

const EPS = 2.220446049250313e-16;

/** SVD of G (m×k, column-major, m >= k). G is not modified. */
export function jacobiSVD(g: Float64Array, m: number, k: number, maxSweeps = 60): SVD {
  const u = Float64Array.from(g);
  const v = new Float64Array(k * k);
  for (let j = 0; j < k; j++) v[j * k + j] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const op = p * m;
        const oq = q * m;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const a = u[op + i];
          const b = u[oq + i];
          alpha += a * a;
          beta += b * b;
          gamma += a * b;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        // The rotation that makes columns p and q orthogonal (smaller angle of the two).
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        rotate(u, op, oq, m, c, s);
        rotate(v, p * k, q * k, k, c, s);
      }
    }
    if (!rotated) break;
  }
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let nn = 0;
    for (let i = 0; i < m; i++) nn += u[j * m + i] * u[j * m + i];
    const sj = Math.sqrt(nn);
    s[j] = sj;
    if (sj > 0) for (let i = 0; i < m; i++) u[j * m + i] /= sj;
  }
  return { u, s, v };
}

function rotate(a: Float64Array, op: number, oq: number, len: number, c: number, s: number): void {
  for (let i = 0; i < len; i++) {
    const x = a[op + i];
    const y = a[oq + i];
    a[op + i] = c * x - s * y;
    a[oq + i] = s * x + c * y;
  }
}
