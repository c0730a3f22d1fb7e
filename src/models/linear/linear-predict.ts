import type { Matrix } from '../../data/matrix.js';

/** out_i = intercept + x_i · coef, over a row-major X. Fills `out` when given. */
export function predictLinear(
  X: Matrix,
  coef: Float64Array,
  intercept: number,
  out: Float64Array = new Float64Array(X.rows),
): Float64Array {
  if (out.length !== X.rows) throw new RangeError(`out has ${out.length} values, X has ${X.rows} rows`);
  const x = X.data;
  const p = X.cols;
  for (let i = 0; i < X.rows; i++) {
    const row = i * p;
    let s = intercept;
    for (let j = 0; j < p; j++) s += x[row + j] * coef[j];
    out[i] = s;
  }
  return out;
}
