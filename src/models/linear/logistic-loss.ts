/**
 * The L2-penalized logistic objectives scikit-learn's lbfgs solver minimizes, with their gradients,
 * in one pass over a row-major X:
 *
 *   f(w) = sum_i s_i loss(y_i, x_i·w + b) + (l2 / 2) ||w||²       (b not penalized)
 *
 * where l2 = 1 / C. (That is C * sum + ||w||² / 2 divided by C: the same minimizer, and the scale at
 * which scikit-learn applies `tol` to the gradient.) Binary uses the half binomial loss
 * log(1 + e^z) - y z with y in {0, 1}; multinomial the half multinomial loss logsumexp(z) - z_y.
 *
 * The sums over rows are split from the penalty: `binaryLogisticRows` / `multinomialLogisticRows`
 * give the unpenalized sum over a range of rows (one block of a RowParallel evaluation, see
 * ../row-parallel.ts) and `addL2Penalty` adds the penalty once to the reduced sum.
 *
 * Rows go four at a time: each coefficient is loaded once per four dot products and each gradient
 * entry updated once per four rows. One exp (plus one log1p) per row and class. No allocation.
 */

/** Loss and d loss / dz of the half binomial loss at z for y in {0, 1}, stable for any z. */
function binomialTerm(z: number, y: number, out: Float64Array, k: number): void {
  if (z <= 0) {
    const e = Math.exp(z);
    out[k] = Math.log1p(e) - y * z;
    out[k + 4] = ((1 - y) * e - y) / (1 + e);
  } else {
    const e = Math.exp(-z);
    out[k] = Math.log1p(e) + (1 - y) * z;
    out[k + 4] = (1 - y - y * e) / (1 + e);
  }
}

/**
 * Binary objective. `coef` holds p weights then the intercept when `fitIntercept`; `grad` the same
 * layout. `y` holds 0/1; `w` per-row weights or null for all ones. Returns f.
 */
export function binaryLogisticLoss(
  x: Float64Array,
  n: number,
  p: number,
  y: Float64Array,
  w: Float64Array | null,
  coef: Float64Array,
  fitIntercept: boolean,
  l2: number,
  grad: Float64Array,
  scratch: Float64Array = new Float64Array(8),
): number {
  const loss = binaryLogisticRows(x, p, y, w, coef, fitIntercept, 0, n, grad, scratch);
  return loss + addL2Penalty(coef, grad, p, l2);
}

/**
 * The unpenalized binary sum over rows [start, end): overwrites `grad` (layout as in
 * binaryLogisticLoss) and returns the loss.
 */
export function binaryLogisticRows(
  x: Float64Array,
  p: number,
  y: Float64Array,
  w: Float64Array | null,
  coef: Float64Array,
  fitIntercept: boolean,
  start: number,
  end: number,
  grad: Float64Array,
  scratch: Float64Array = new Float64Array(8),
): number {
  const b = fitIntercept ? coef[p] : 0;
  grad.fill(0);
  let loss = 0;
  let gb = 0;
  const t = scratch; // t[0..3]: losses, t[4..7]: dloss/dz of the four rows
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const r0 = i * p;
    const r1 = r0 + p;
    const r2 = r1 + p;
    const r3 = r2 + p;
    let z0 = b;
    let z1 = b;
    let z2 = b;
    let z3 = b;
    for (let j = 0; j < p; j++) {
      const c = coef[j];
      z0 += x[r0 + j] * c;
      z1 += x[r1 + j] * c;
      z2 += x[r2 + j] * c;
      z3 += x[r3 + j] * c;
    }
    binomialTerm(z0, y[i], t, 0);
    binomialTerm(z1, y[i + 1], t, 1);
    binomialTerm(z2, y[i + 2], t, 2);
    binomialTerm(z3, y[i + 3], t, 3);
    let g0 = t[4];
    let g1 = t[5];
    let g2 = t[6];
    let g3 = t[7];
    if (w) {
      loss += w[i] * t[0] + w[i + 1] * t[1] + w[i + 2] * t[2] + w[i + 3] * t[3];
      g0 *= w[i];
      g1 *= w[i + 1];
      g2 *= w[i + 2];
      g3 *= w[i + 3];
    } else {
      loss += t[0] + t[1] + t[2] + t[3];
    }
    gb += g0 + g1 + g2 + g3;
    for (let j = 0; j < p; j++) grad[j] += g0 * x[r0 + j] + g1 * x[r1 + j] + g2 * x[r2 + j] + g3 * x[r3 + j];
  }
  for (; i < end; i++) {
    const r0 = i * p;
    let z = b;
    for (let j = 0; j < p; j++) z += x[r0 + j] * coef[j];
    binomialTerm(z, y[i], t, 0);
    const wi = w ? w[i] : 1;
    loss += wi * t[0];
    const g = wi * t[4];
    gb += g;
    for (let j = 0; j < p; j++) grad[j] += g * x[r0 + j];
  }
  if (fitIntercept) grad[p] = gb;
  return loss;
}

/**
 * Adds the gradient of (l2 / 2) ||coef[0..m)||² to `grad` and returns that penalty. The entries
 * from m on (intercepts) are not penalized.
 */
export function addL2Penalty(coef: Float64Array, grad: Float64Array, m: number, l2: number): number {
  let sq = 0;
  for (let j = 0; j < m; j++) {
    sq += coef[j] * coef[j];
    grad[j] += l2 * coef[j];
  }
  return 0.5 * l2 * sq;
}

/**
 * Multinomial objective over k classes. `coef` holds the k×p weights row-major (class by class),
 * then k intercepts when `fitIntercept`; `grad` the same layout. `y` holds class indices 0..k-1.
 * `scratch` needs 8k entries. Returns f.
 */
export function multinomialLogisticLoss(
  x: Float64Array,
  n: number,
  p: number,
  k: number,
  y: Int32Array,
  w: Float64Array | null,
  coef: Float64Array,
  fitIntercept: boolean,
  l2: number,
  grad: Float64Array,
  scratch: Float64Array = new Float64Array(8 * k),
): number {
  const loss = multinomialLogisticRows(x, p, k, y, w, coef, fitIntercept, 0, n, grad, scratch);
  return loss + addL2Penalty(coef, grad, k * p, l2);
}

/**
 * The unpenalized multinomial sum over rows [start, end): overwrites `grad` (layout as in
 * multinomialLogisticLoss) and returns the loss.
 */
export function multinomialLogisticRows(
  x: Float64Array,
  p: number,
  k: number,
  y: Int32Array,
  w: Float64Array | null,
  coef: Float64Array,
  fitIntercept: boolean,
  start: number,
  end: number,
  grad: Float64Array,
  scratch: Float64Array = new Float64Array(8 * k),
): number {
  const kp = k * p;
  grad.fill(0);
  // z: raw scores of four rows, r: their residuals, row-block layout [row][class]
  const z = scratch.subarray(0, 4 * k);
  const r = scratch.subarray(4 * k, 8 * k);
  let loss = 0;
  let i = start;
  const block = (rows: number): void => {
    for (let c = 0; c < k; c++) {
      const off = c * p;
      const b = fitIntercept ? coef[kp + c] : 0;
      for (let q = 0; q < rows; q++) {
        const row = (i + q) * p;
        let s = b;
        for (let j = 0; j < p; j++) s += x[row + j] * coef[off + j];
        z[q * k + c] = s;
      }
    }
    for (let q = 0; q < rows; q++) {
      const o = q * k;
      let max = z[o];
      for (let c = 1; c < k; c++) if (z[o + c] > max) max = z[o + c];
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const e = Math.exp(z[o + c] - max);
        r[o + c] = e;
        sum += e;
      }
      const yi = y[i + q];
      const wi = w ? w[i + q] : 1;
      loss += wi * (Math.log(sum) + max - z[o + yi]);
      const inv = wi / sum;
      for (let c = 0; c < k; c++) r[o + c] *= inv;
      r[o + yi] -= wi;
    }
  };
  for (; i + 4 <= end; i += 4) {
    block(4);
    const r0 = i * p;
    const r1 = r0 + p;
    const r2 = r1 + p;
    const r3 = r2 + p;
    for (let c = 0; c < k; c++) {
      const off = c * p;
      const g0 = r[c];
      const g1 = r[k + c];
      const g2 = r[2 * k + c];
      const g3 = r[3 * k + c];
      if (fitIntercept) grad[kp + c] += g0 + g1 + g2 + g3;
      for (let j = 0; j < p; j++)
        grad[off + j] += g0 * x[r0 + j] + g1 * x[r1 + j] + g2 * x[r2 + j] + g3 * x[r3 + j];
    }
  }
  for (; i < end; i++) {
    block(1);
    const r0 = i * p;
    for (let c = 0; c < k; c++) {
      const off = c * p;
      const g0 = r[c];
      if (fitIntercept) grad[kp + c] += g0;
      for (let j = 0; j < p; j++) grad[off + j] += g0 * x[r0 + j];
    }
  }
  return loss;
}
