/**
 * The arithmetic of target encoding, as scikit-learn 1.3's TargetEncoder does it
 * (`_target_encoder_fast.pyx`), on learned positions ("slots") and one target column.
 *
 * With a number `smooth` m, a category with n rows of target sum s encodes as
 * (s + m·ȳ) / (n + m). With `'auto'`, the shrinkage is empirical Bayes: λ = n·σ² / (n·σ² + v),
 * where σ² is the variance of all targets and v the variance within the category, and the
 * encoding is λ·(category mean) + (1 − λ)·ȳ. A category without rows encodes as ȳ.
 */
export type Smooth = 'auto' | number;

/**
 * Encoding of every slot 0..nSlots-1 from the rows listed in `rows` (all rows when omitted);
 * slots < 0 (unknown) are skipped. Returns the encodings and the mean target ȳ of those rows.
 */
export function fitEncoding(
  slots: Int32Array,
  y: Float64Array,
  nSlots: number,
  smooth: Smooth,
  rows?: Int32Array,
): { encoding: Float64Array; mean: number } {
  const n = rows ? rows.length : y.length;
  const sums = new Float64Array(nSlots);
  const counts = new Float64Array(nSlots);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    total += y[r];
    const s = slots[r];
    if (s < 0) continue;
    sums[s] += y[r];
    counts[s] += 1;
  }
  const mean = total / n;
  const encoding = new Float64Array(nSlots);
  if (smooth !== 'auto') {
    for (let s = 0; s < nSlots; s++)
      // smooth 0 and no rows would be 0/0: the mean is the limit as smooth → 0
      encoding[s] = counts[s] === 0 ? mean : (sums[s] + smooth * mean) / (counts[s] + smooth);
    return { encoding, mean };
  }
  const means = new Float64Array(nSlots);
  for (let s = 0; s < nSlots; s++) means[s] = sums[s] / counts[s];
  const squares = new Float64Array(nSlots);
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    const d0 = y[r] - mean;
    variance += d0 * d0;
    const s = slots[r];
    if (s < 0) continue;
    const d = y[r] - means[s];
    squares[s] += d * d;
  }
  variance /= n;
  for (let s = 0; s < nSlots; s++) {
    const lambda = (variance * counts[s]) / (variance * counts[s] + squares[s] / counts[s]);
    // NaN when the category has no rows, or when every target is equal
    encoding[s] = Number.isNaN(lambda) ? mean : lambda * means[s] + (1 - lambda) * mean;
  }
  return { encoding, mean };
}

/** Rows outside fold `k`, in row order. */
export function rowsOutside(folds: Int32Array, k: number): Int32Array {
  let n = 0;
  for (let r = 0; r < folds.length; r++) if (folds[r] !== k) n++;
  const out = new Int32Array(n);
  let i = 0;
  for (let r = 0; r < folds.length; r++) if (folds[r] !== k) out[i++] = r;
  return out;
}

/**
 * Out-of-fold encoding of one column for one target column: each row gets the encoding of its
 * slot computed from the rows of the other folds only, so it never sees its own target.
 */
export function crossFitColumn(
  slots: Int32Array,
  y: Float64Array,
  nSlots: number,
  smooth: Smooth,
  folds: Int32Array,
  nFolds: number,
): Float64Array {
  const out = new Float64Array(y.length);
  for (let k = 0; k < nFolds; k++) {
    const { encoding, mean } = fitEncoding(slots, y, nSlots, smooth, rowsOutside(folds, k));
    for (let r = 0; r < y.length; r++) if (folds[r] === k) out[r] = slots[r] < 0 ? mean : encoding[slots[r]];
  }
  return out;
}
