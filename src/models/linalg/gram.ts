/**
 * Weighted column means and the centered Gram matrix X'WX with X'Wy, in one pass over a row-major
 * X: the normal equations of (ridge) least squares. Centering happens block by block into a small
 * scratch, so no centered copy of X is made and large means cannot cancel the way X'X - n mu mu'
 * would. Browser-safe.
 */

export interface WeightedMeans {
  /** Weighted mean of each column (zeros when not centering). */
  readonly xMean: Float64Array;
  readonly yMean: number;
  /** Sum of the weights (n when unweighted). */
  readonly weightSum: number;
}

/** Column means of X (n×p row-major) and the mean of y, weighted by w when given. */
export function weightedMeans(
  x: Float64Array,
  n: number,
  p: number,
  y: Float64Array,
  w: Float64Array | null,
): WeightedMeans {
  const xMean = new Float64Array(p);
  let yMean = 0;
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    if (wi === 0) continue;
    const row = i * p;
    for (let j = 0; j < p; j++) xMean[j] += wi * x[row + j];
    yMean += wi * y[i];
    weightSum += wi;
  }
  for (let j = 0; j < p; j++) xMean[j] /= weightSum;
  return { xMean, yMean: yMean / weightSum, weightSum };
}

export interface NormalEquations {
  /** sum_i w_i (x_i - mu)(x_i - mu)', p×p row-major, both triangles filled. */
  readonly gram: Float64Array;
  /** sum_i w_i (x_i - mu)(y_i - ybar). */
  readonly xty: Float64Array;
}

/** Rows per block: a block of centered rows (BLOCK × padded p doubles) stays in L1/L2 cache. */
const BLOCK = 128;

/**
 * Accumulates the (weighted, centered) normal equations. Rows are copied a block at a time, centered
 * and scaled by sqrt(w_i), into a row-major scratch whose width is p rounded up to 4 (zero padded);
 * the Gram matrix is then built from 4×4 tiles held in sixteen local accumulators, so each loaded
 * value feeds four multiply-adds instead of one load (and one store) per multiply-add.
 */
export function normalEquations(
  x: Float64Array,
  n: number,
  p: number,
  y: Float64Array,
  w: Float64Array | null,
  xMean: Float64Array,
  yMean: number,
): NormalEquations {
  const P = (p + 3) & ~3;
  const acc = new Float64Array(P * P);
  const xty = new Float64Array(p);
  const t = new Float64Array(P * BLOCK);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const m = Math.min(BLOCK, n - i0);
    for (let r = 0; r < m; r++) {
      const i = i0 + r;
      const row = i * p;
      const o = r * P;
      const sw = w ? Math.sqrt(w[i]) : 1;
      const ry = (y[i] - yMean) * sw;
      for (let j = 0; j < p; j++) {
        const v = (x[row + j] - xMean[j]) * sw;
        t[o + j] = v;
        xty[j] += v * ry;
      }
    }
    accumulateTiles(t, m * P, P, acc);
  }
  const gram = new Float64Array(p * p);
  for (let j = 0; j < p; j++) for (let k = j; k < p; k++) gram[j * p + k] = gram[k * p + j] = acc[j * P + k];
  return { gram, xty };
}

/** acc[j][k] += sum over the block's rows of t[r][j] t[r][k], for the 4×4 tiles with k >= j. */
function accumulateTiles(t: Float64Array, end: number, P: number, acc: Float64Array): void {
  for (let j = 0; j < P; j += 4) {
    for (let k = j; k < P; k += 4) {
      let a00 = 0;
      let a01 = 0;
      let a02 = 0;
      let a03 = 0;
      let a10 = 0;
      let a11 = 0;
      let a12 = 0;
      let a13 = 0;
      let a20 = 0;
      let a21 = 0;
      let a22 = 0;
      let a23 = 0;
      let a30 = 0;
      let a31 = 0;
      let a32 = 0;
      let a33 = 0;
      for (let o = 0; o < end; o += P) {
        const t0 = t[o + j];
        const t1 = t[o + j + 1];
        const t2 = t[o + j + 2];
        const t3 = t[o + j + 3];
        const u0 = t[o + k];
        const u1 = t[o + k + 1];
        const u2 = t[o + k + 2];
        const u3 = t[o + k + 3];
        a00 += t0 * u0;
        a01 += t0 * u1;
        a02 += t0 * u2;
        a03 += t0 * u3;
        a10 += t1 * u0;
        a11 += t1 * u1;
        a12 += t1 * u2;
        a13 += t1 * u3;
        a20 += t2 * u0;
        a21 += t2 * u1;
        a22 += t2 * u2;
        a23 += t2 * u3;
        a30 += t3 * u0;
        a31 += t3 * u1;
        a32 += t3 * u2;
        a33 += t3 * u3;
      }
      let g = j * P + k;
      acc[g] += a00;
      acc[g + 1] += a01;
      acc[g + 2] += a02;
      acc[g + 3] += a03;
      g += P;
      acc[g] += a10;
      acc[g + 1] += a11;
      acc[g + 2] += a12;
      acc[g + 3] += a13;
      g += P;
      acc[g] += a20;
      acc[g + 1] += a21;
      acc[g + 2] += a22;
      acc[g + 3] += a23;
      g += P;
      acc[g] += a30;
      acc[g + 1] += a31;
      acc[g + 2] += a32;
      acc[g + 3] += a33;
    }
  }
}
