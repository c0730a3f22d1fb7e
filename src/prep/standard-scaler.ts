import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export interface StandardScalerParams extends ColumnsParam {
  /** Subtract each column's mean. Default true. */
  withMean: boolean;
  /** Divide by each column's population standard deviation (1 where it is 0). Default true. */
  withStd: boolean;
}

export const STANDARD_SCALER_DEFAULTS = {
  columns: null,
  withMean: true,
  withStd: true,
} satisfies StandardScalerParams;

const SPECS: ParamSpecs<StandardScalerParams> = {
  columns: param.custom(
    'Number columns to scale; null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  withMean: param.boolean("Subtract each column's mean."),
  withStd: param.boolean("Divide by each column's population standard deviation."),
};

export interface StandardScalerState extends ColumnsState {
  /** Subtracted per column (0 when withMean is false). */
  readonly center: Float64Array;
  /** Divisor per column (1 when withStd is false or the column is constant). */
  readonly scale: Float64Array;
}

/**
 * Standardizes number columns to mean 0 and unit population variance, like scikit-learn's
 * StandardScaler: missing values are ignored at fit and stay missing, and a constant column (up to
 * rounding, with scikit-learn's bound) keeps scale 1 instead of dividing by zero.
 */
export class StandardScaler extends ColumnwiseTransformer<StandardScalerParams, StandardScalerState> {
  readonly kind = 'StandardScaler';
  protected readonly specs = SPECS;

  constructor(params: Partial<StandardScalerParams> = {}) {
    super(STANDARD_SCALER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['number'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): StandardScalerState {
    const center = new Float64Array(columns.length);
    const scale = new Float64Array(columns.length).fill(1);
    columns.forEach((name, j) => {
      const { mean, variance, n } = meanVariance(frame.columnOf(name, 'number').values);
      if (n === 0) return; // all missing: outputs stay missing whatever we subtract
      if (this.params.withMean) center[j] = mean;
      if (this.params.withStd && !isConstant(variance, mean, n)) scale[j] = Math.sqrt(variance);
    });
    return { columns, kinds, center, scale };
  }

  protected mapColumn(i: number, c: Column, s: StandardScalerState): [string, Column][] {
    const v = c.values as Float64Array;
    const out = new Float64Array(v.length);
    const m = s.center[i];
    const d = s.scale[i];
    for (let r = 0; r < v.length; r++) out[r] = (v[r] - m) / d;
    return [[s.columns[i], { kind: 'number', values: out }]];
  }

  protected namesOut(i: number, s: StandardScalerState): string[] {
    return [s.columns[i]];
  }
}

/** Mean and population variance over the non-missing values, two-pass for accuracy. */
function meanVariance(v: Float64Array): { mean: number; variance: number; n: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < v.length; i++)
    if (!Number.isNaN(v[i])) {
      sum += v[i];
      n++;
    }
  if (n === 0) return { mean: Number.NaN, variance: Number.NaN, n };
  const mean = sum / n;
  let ss = 0;
  let corr = 0;
  for (let i = 0; i < v.length; i++)
    if (!Number.isNaN(v[i])) {
      const d = v[i] - mean;
      ss += d * d;
      corr += d;
    }
  // the correction term removes the rounding error left in `mean` (scikit-learn does the same)
  return { mean, variance: (ss - (corr * corr) / n) / n, n };
}

/** scikit-learn's `_is_constant_feature`: variance within rounding error of zero. */
function isConstant(variance: number, mean: number, n: number): boolean {
  const eps = Number.EPSILON;
  const bound = n * eps * variance + (n * mean * eps) ** 2;
  return variance <= bound;
}

registerEstimator('StandardScaler', StandardScaler);
