/**
 * Weighted column means and the centered Gram matrix X'WX with X'Wy, in one pass over a row-major
 * X: the normal equations of (ridge) least squares. Centering happens row by row into a small
 * buffer, so no centered copy of X is made and large means cannot cancel the way X'X - n mu mu'
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

/**
 * Accumulates the (weighted, centered) normal equations. Rows go four at a time so each Gram entry
 * is loaded and stored once per four rows, which keeps the inner loop arithmetic-bound.
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
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  // a: centered rows; b: the same rows times their weight
  const a = new Float64Array(4 * p);
  const b = new Float64Array(4 * p);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    for (let r = 0; r < 4; r++) {
      const row = (i + r) * p;
      const wi = w ? w[i + r] : 1;
      const ri = (y[i + r] - yMean) * wi;
      const o = r * p;
      for (let j = 0; j < p; j++) {
        const v = x[row + j] - xMean[j];
        a[o + j] = v;
        b[o + j] = v * wi;
        xty[j] += v * ri;
      }
    }
    for (let j = 0; j < p; j++) {
      const a0 = a[j];
      const a1 = a[p + j];
      const a2 = a[2 * p + j];
      const a3 = a[3 * p + j];
      const gj = j * p;
      for (let k = j; k < p; k++) {
        gram[gj + k] += a0 * b[k] + a1 * b[p + k] + a2 * b[2 * p + k] + a3 * b[3 * p + k];
      }
    }
  }
  for (; i < n; i++) {
    const row = i * p;
    const wi = w ? w[i] : 1;
    const ri = (y[i] - yMean) * wi;
    for (let j = 0; j < p; j++) {
      const v = x[row + j] - xMean[j];
      a[j] = v;
      xty[j] += v * ri;
    }
    for (let j = 0; j < p; j++) {
      const aj = a[j] * wi;
      const gj = j * p;
      for (let k = j; k < p; k++) gram[gj + k] += aj * a[k];
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) gram[j * p + k] = gram[k * p + j];
  return { gram, xty };
}
