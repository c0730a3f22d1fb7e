import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { iqrBounds, quantileBounds } from './outlier-bounds.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export interface OutlierClipperParams extends ColumnsParam {
  /**
   * How the bounds are learned. Default `'iqr'`: Tukey's fences, [Q1 - factor IQR, Q3 + factor IQR].
   * `'quantile'`: the `quantiles` of the training values (winsorizing).
   */
  method: 'iqr' | 'quantile';
  /** IQR multiplier for method 'iqr'. Default 1.5. */
  factor: number;
  /** Lower and upper quantile (0..1) for method 'quantile'. Default `[0.01, 0.99]`. */
  quantiles: readonly [number, number];
}

export const OUTLIER_CLIPPER_DEFAULTS = {
  columns: null,
  method: 'iqr',
  factor: 1.5,
  quantiles: [0.01, 0.99],
} satisfies OutlierClipperParams;

/** Spec test for a `[low, high]` pair of quantiles with 0 <= low <= high <= 1. */
export function isQuantilePair(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length === 2 &&
    typeof v[0] === 'number' &&
    typeof v[1] === 'number' &&
    0 <= v[0] &&
    v[0] <= v[1] &&
    v[1] <= 1
  );
}

const SPECS: ParamSpecs<OutlierClipperParams> = {
  columns: param.custom(
    'Number columns to clip; null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  method: param.oneOf('How the bounds are learned.', ['iqr', 'quantile']),
  factor: param.number("IQR multiplier for method 'iqr'.", { min: 0 }),
  quantiles: param.custom(
    "Lower and upper quantile for method 'quantile'.",
    '[low, high] with 0 <= low <= high <= 1',
    isQuantilePair,
  ),
};

export interface OutlierClipperState extends ColumnsState {
  /** Values below are raised to it, per column (NaN: the column had no values at fit; not clipped). */
  readonly lower: Float64Array;
  /** Values above are lowered to it, per column. */
  readonly upper: Float64Array;
}

/**
 * Clips number columns to bounds learned on the training rows, so that an extreme value (a typo,
 * a sensor glitch) cannot dominate a linear model or a scaler. Rows are never removed (see
 * OutlierRemover for that); missing values stay missing.
 */
export class OutlierClipper extends ColumnwiseTransformer<OutlierClipperParams, OutlierClipperState> {
  readonly kind = 'OutlierClipper';
  protected readonly specs = SPECS;

  constructor(params: Partial<OutlierClipperParams> = {}) {
    super(OUTLIER_CLIPPER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['number'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): OutlierClipperState {
    const { method, factor, quantiles } = this.params;
    const lower = new Float64Array(columns.length);
    const upper = new Float64Array(columns.length);
    columns.forEach((name, j) => {
      const v = frame.columnOf(name, 'number').values;
      [lower[j], upper[j]] =
        method === 'iqr' ? iqrBounds(v, factor) : quantileBounds(v, quantiles[0], quantiles[1]);
    });
    return { columns, kinds, lower, upper };
  }

  protected mapColumn(i: number, c: Column, s: OutlierClipperState): [string, Column][] {
    const v = c.values as Float64Array;
    const out = new Float64Array(v.length);
    const lo = s.lower[i];
    const hi = s.upper[i];
    // comparisons with NaN are false: missing values, and bounds of an all-missing column, pass
    for (let r = 0; r < v.length; r++) {
      const x = v[r];
      out[r] = x;
      if (x < lo) out[r] = lo;
      else if (x > hi) out[r] = hi;
    }
    return [[s.columns[i], { kind: 'number', values: out }]];
  }

  protected namesOut(i: number, s: OutlierClipperState): string[] {
    return [s.columns[i]];
  }
}

registerEstimator('OutlierClipper', OutlierClipper);
