import type { Column } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { NumberBlockTransformer } from './number-block.js';
import { type ColumnsParam, isColumnList } from './transformer.js';

export interface VarianceThresholdParams extends ColumnsParam {
  /** Number columns whose training variance is not above this are dropped. Default 0: only constant ones. */
  threshold: number;
}

export const VARIANCE_THRESHOLD_DEFAULTS = {
  columns: null,
  threshold: 0,
} satisfies VarianceThresholdParams;

const SPECS: ParamSpecs<VarianceThresholdParams> = {
  columns: param.custom(
    'Number columns to consider; null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  threshold: param.number('Columns whose training variance is not above this are dropped.', { min: 0 }),
};

export interface VarianceThresholdState {
  readonly columns: readonly string[];
  /**
   * Per considered column, the population variance of its non-missing values; with threshold 0,
   * the smaller of that and the range (max - min) when the column has no missing value: exactly
   * scikit-learn's `variances_`, whose range cap keeps rounding from passing a constant column.
   */
  readonly variances: Float64Array;
  /** The columns kept, in frame order. */
  readonly kept: readonly string[];
}

/**
 * Drops number columns whose training variance is at most `threshold` (scikit-learn's
 * VarianceThreshold): by default the constant ones, which carry no information. Missing values
 * are ignored. Fitting when no column passes is an InputError.
 */
export class VarianceThreshold extends NumberBlockTransformer<
  VarianceThresholdParams,
  VarianceThresholdState
> {
  readonly kind = 'VarianceThreshold';
  protected readonly specs = SPECS;
  protected readonly placement = 'inPlace';

  constructor(params: Partial<VarianceThresholdParams> = {}) {
    super(VARIANCE_THRESHOLD_DEFAULTS, params);
  }

  protected learn(values: Float64Array[], columns: string[]): VarianceThresholdState {
    const { threshold } = this.params;
    const variances = new Float64Array(columns.length);
    values.forEach((v, j) => {
      variances[j] = nanVariance(v);
      if (threshold === 0) {
        const r = range(v);
        if (r < variances[j]) variances[j] = r;
      }
    });
    const kept = columns.filter((_, j) => variances[j] > threshold);
    if (kept.length === 0 && columns.length > 0)
      throw new InputError(
        'nothing_selected',
        `${this.kind}: no column has a variance above ${threshold} (columns: ${columns.join(', ')})`,
        { field: 'threshold' },
      );
    return { columns, variances, kept };
  }

  protected transformBlock(values: Float64Array[], s: VarianceThresholdState): [string, Column][] {
    const keep = new Set(s.kept);
    const out: [string, Column][] = [];
    s.columns.forEach((name, j) => {
      if (keep.has(name)) out.push([name, { kind: 'number', values: values[j] }]);
    });
    return out;
  }

  protected blockNames(s: VarianceThresholdState): string[] {
    return [...s.kept];
  }
}

/** `np.nanvar`: population variance of the non-missing values (NaN when there are none). */
export function nanVariance(v: Float64Array): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < v.length; i++)
    if (!Number.isNaN(v[i])) {
      sum += v[i];
      n++;
    }
  if (n === 0) return Number.NaN;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < v.length; i++)
    if (!Number.isNaN(v[i])) {
      const d = v[i] - mean;
      ss += d * d;
    }
  return ss / n;
}

/** `np.ptp`: max - min, NaN when a value is missing (then the variance stands alone). */
function range(v: Float64Array): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i])) return Number.NaN;
    if (v[i] < lo) lo = v[i];
    if (v[i] > hi) hi = v[i];
  }
  return hi - lo;
}

registerEstimator('VarianceThreshold', VarianceThreshold);
