import { distinctNumbers } from './distinct.js';
import { histogramOf } from './histogram.js';
import { quantilesOf } from './select.js';
import type { NumericStats, Outliers } from './types.js';

export interface NumberStatsOptions {
  readonly quantiles: readonly number[];
  /** Histogram, outliers and the distinct count ('full'), or only what describe() gives ('summary'). */
  readonly full: boolean;
  readonly bins: number;
  readonly iqrK: number;
  readonly zThreshold: number;
  readonly zeros: boolean;
}

export interface NumberColumnStats {
  readonly count: number;
  readonly distinct: number | null;
  readonly stats: NumericStats;
}

/**
 * The statistics of a number or datetime column in a few passes over its typed array: count, sum,
 * min and max; the sum of squared deviations (two-pass, as pandas computes the variance); quantiles
 * by bucket selection; and, at level 'full', the histogram, outlier counts and distinct count.
 */
export function numberStats(values: Float64Array, o: NumberStatsOptions): NumberColumnStats {
  const n = values.length;
  // the non-missing values, packed (the same array when none is missing)
  let count = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) zeros++;
  }
  const present = count === n ? values : packPresent(values, count);
  const mean = count > 0 ? sum / count : Number.NaN;
  let ss = 0;
  for (let i = 0; i < count; i++) {
    const d = present[i] - mean;
    ss += d * d;
  }
  const std = count > 1 ? Math.sqrt(ss / (count - 1)) : Number.NaN;
  const levels = o.full ? withQuartiles(o.quantiles) : o.quantiles;
  const qs = quantilesOf(present, count, min, max, levels);
  const quantiles = o.quantiles.map((q) => ({ q, value: qs[levels.indexOf(q)] }));
  let histogram = null;
  let outliers: Outliers | null = null;
  let distinct: number | null = null;
  if (o.full) {
    histogram = histogramOf(present, count, min, max, o.bins);
    outliers = outliersOf(
      present,
      count,
      qs[levels.indexOf(0.25)],
      qs[levels.indexOf(0.75)],
      mean,
      std,
      o.iqrK,
      o.zThreshold,
    );
    distinct = distinctNumbers(present.subarray(0, count));
  }
  return {
    count,
    distinct,
    stats: {
      mean: finite(mean),
      std: finite(std),
      min: count > 0 ? min : null,
      max: count > 0 ? max : null,
      quantiles,
      histogram,
      outliers,
      ...(o.zeros ? { zeros } : {}),
    },
  };
}

function packPresent(values: Float64Array, count: number): Float64Array {
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) out[k++] = v;
  }
  return out;
}

function withQuartiles(levels: readonly number[]): number[] {
  return [...new Set([...levels, 0.25, 0.75])];
}

function outliersOf(
  present: Float64Array,
  n: number,
  q1: number | null,
  q3: number | null,
  mean: number,
  std: number,
  k: number,
  z: number,
): Outliers {
  const iqrLow = q1 !== null && q3 !== null ? q1 - k * (q3 - q1) : Number.NaN;
  const iqrHigh = q1 !== null && q3 !== null ? q3 + k * (q3 - q1) : Number.NaN;
  const zLow = mean - z * std;
  const zHigh = mean + z * std;
  let iqrBelow = 0;
  let iqrAbove = 0;
  let zBelow = 0;
  let zAbove = 0;
  // comparisons with NaN bounds are false: no outliers where the bounds are undefined
  for (let i = 0; i < n; i++) {
    const v = present[i];
    if (v < iqrLow) iqrBelow++;
    else if (v > iqrHigh) iqrAbove++;
    if (v < zLow) zBelow++;
    else if (v > zHigh) zAbove++;
  }
  return {
    iqr: { k, low: finite(iqrLow), high: finite(iqrHigh), below: iqrBelow, above: iqrAbove },
    zscore: { z, low: finite(zLow), high: finite(zHigh), below: zBelow, above: zAbove },
  };
}

export function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
