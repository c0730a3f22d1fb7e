/**
 * Turning a fitted logistic model's coefficients into scores, probabilities and labels, as
 * scikit-learn does: binary one-vs-rest is sigmoid(d); binary multinomial (one kept row) is
 * softmax(-d, d) = sigmoid(2d); multinomial is softmax; multiclass one-vs-rest normalizes the
 * per-class sigmoids to sum to 1. Browser-safe.
 */

/** Raw scores rows × k (k coefficient rows, coef k × p row-major). */
export function decisionScores(
  x: Float64Array,
  rows: number,
  p: number,
  coef: Float64Array,
  intercept: Float64Array,
  k: number,
): Float64Array {
  const out = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) {
    const row = i * p;
    for (let c = 0; c < k; c++) {
      const off = c * p;
      let z = intercept[c];
      for (let j = 0; j < p; j++) z += x[row + j] * coef[off + j];
      out[i * k + c] = z;
    }
  }
  return out;
}

/** Probabilities rows × nClasses from scores rows × coefRows. */
export function probabilities(
  z: Float64Array,
  rows: number,
  nClasses: number,
  coefRows: number,
  multiClass: 'multinomial' | 'ovr',
): Float64Array {
  const k = nClasses;
  const out = new Float64Array(rows * k);
  if (coefRows === 1) {
    const scale = multiClass === 'multinomial' ? 2 : 1;
    for (let i = 0; i < rows; i++) {
      const p1 = sigmoid(scale * z[i]);
      out[2 * i] = 1 - p1;
      out[2 * i + 1] = p1;
    }
  } else if (multiClass === 'multinomial') {
    for (let i = 0; i < rows; i++) softmaxRow(z, out, i * k, k);
  } else {
    for (let i = 0; i < rows; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += out[i * k + c] = sigmoid(z[i * k + c]);
      for (let c = 0; c < k; c++) out[i * k + c] /= sum;
    }
  }
  return out;
}

/** The label of the largest score per row (positive score: classes[1] when there is one row). */
export function labelsFromScores(
  z: Float64Array,
  rows: number,
  coefRows: number,
  classes: Float64Array,
  out: Float64Array,
): Float64Array {
  const k = coefRows;
  for (let i = 0; i < rows; i++) {
    if (k === 1) {
      out[i] = classes[z[i] > 0 ? 1 : 0];
      continue;
    }
    let best = 0;
    for (let c = 1; c < k; c++) if (z[i * k + c] > z[i * k + best]) best = c;
    out[i] = classes[best];
  }
  return out;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function softmaxRow(z: Float64Array, out: Float64Array, off: number, k: number): void {
  let max = z[off];
  for (let c = 1; c < k; c++) if (z[off + c] > max) max = z[off + c];
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[off + c] = Math.exp(z[off + c] - max);
  for (let c = 0; c < k; c++) out[off + c] /= sum;
}
