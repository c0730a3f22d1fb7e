/**
 * Outlier fences per number column, shared by OutlierClipper and OutlierRemover. Quantiles are
 * numpy's linear ones, so fences equal `np.nanpercentile`-based ones to the last bit. Browser-safe.
 */
import { quantileSorted, sortedPresent } from './quantile.js';

/** Tukey's fences: [Q1 - factor IQR, Q3 + factor IQR]; NaN for a column with no values. */
export function iqrBounds(values: Float64Array, factor: number): [number, number] {
  const sorted = sortedPresent(values);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  return [q1 - factor * iqr, q3 + factor * iqr];
}

/** The `low` and `high` quantiles (0..1) of the non-missing values. */
export function quantileBounds(values: Float64Array, low: number, high: number): [number, number] {
  const sorted = sortedPresent(values);
  return [quantileSorted(sorted, low), quantileSorted(sorted, high)];
}

/**
 * mean ± threshold × population standard deviation of the non-missing values: the values whose
 * z-score exceeds `threshold` lie outside. A constant column gives [mean, mean].
 */
export function zScoreBounds(values: Float64Array, threshold: number): [number, number] {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++)
    if (!Number.isNaN(values[i])) {
      sum += values[i];
      n++;
    }
  if (n === 0) return [Number.NaN, Number.NaN];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++)
    if (!Number.isNaN(values[i])) ss += (values[i] - mean) * (values[i] - mean);
  const sd = Math.sqrt(ss / n);
  return [mean - threshold * sd, mean + threshold * sd];
}
