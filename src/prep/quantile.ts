/**
 * Quantiles as numpy computes them (`np.nanquantile`, method 'linear', numpy 1.24), so that
 * scalers and outlier bounds learned here equal scikit-learn's to the last bit. Browser-safe.
 */

/** The non-missing values of a column, sorted ascending. */
export function sortedPresent(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out.sort();
}

/**
 * The `q` quantile (0 <= q <= 1) of ascending values, NaN when there are none. numpy's linear
 * method: the virtual index (n - 1) q, and a lerp that counts from the upper neighbour when the
 * fraction is at least one half (numpy's `_lerp`, which keeps the result monotone in q).
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return sorted[n - 1];
  if (virtual < 0) return sorted[0];
  const below = Math.floor(virtual);
  const t = virtual - below;
  const a = sorted[below];
  const b = sorted[below + 1];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** The median of ascending values (numpy: the mean of the two middle ones for an even count). */
export function medianSorted(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
