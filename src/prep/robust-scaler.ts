import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { nonZeroScale } from './min-max-scaler.js';
import { medianSorted, quantileSorted, sortedPresent } from './quantile.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export interface RobustScalerParams extends ColumnsParam {
  /** Subtract each column's median. Default true. */
  withCentering: boolean;
  /** Divide by each column's interquantile range (`quantileRange`). Default true. */
  withScaling: boolean;
  /** The percentiles whose difference is the scale, `[low, high]` with 0 <= low <= high <= 100. Default `[25, 75]`. */
  quantileRange: readonly [number, number];
}

export const ROBUST_SCALER_DEFAULTS = {
  columns: null,
  withCentering: true,
  withScaling: true,
  quantileRange: [25, 75],
} satisfies RobustScalerParams;

const SPECS: ParamSpecs<RobustScalerParams> = {
  columns: param.custom(
    'Number columns to scale; null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  withCentering: param.boolean("Subtract each column's median."),
  withScaling: param.boolean("Divide by each column's interquantile range."),
  quantileRange: param.custom(
    'The percentiles whose difference is the scale.',
    '[low, high] with 0 <= low <= high <= 100',
    (v) =>
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'number' &&
      typeof v[1] === 'number' &&
      0 <= v[0] &&
      v[0] <= v[1] &&
      v[1] <= 100,
  ),
};

export interface RobustScalerState extends ColumnsState {
  /** Subtracted per column: the median (0 when withCentering is false). */
  readonly center: Float64Array;
  /** Divisor per column: the interquantile range, 1 where it is 0 or withScaling is false. */
  readonly scale: Float64Array;
}

/**
 * Centers number columns on their median and scales them by an interquantile range, so outliers
 * weigh less than with StandardScaler (scikit-learn's RobustScaler; numpy's linear quantiles).
 * Missing values are ignored at fit and stay missing.
 */
export class RobustScaler extends ColumnwiseTransformer<RobustScalerParams, RobustScalerState> {
  readonly kind = 'RobustScaler';
  protected readonly specs = SPECS;

  constructor(params: Partial<RobustScalerParams> = {}) {
    super(ROBUST_SCALER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['number'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): RobustScalerState {
    const { withCentering, withScaling, quantileRange } = this.params;
    const center = new Float64Array(columns.length);
    const scale = new Float64Array(columns.length).fill(1);
    columns.forEach((name, j) => {
      const sorted = sortedPresent(frame.columnOf(name, 'number').values);
      if (withCentering) center[j] = medianSorted(sorted);
      if (withScaling)
        scale[j] = nonZeroScale(
          quantileSorted(sorted, quantileRange[1] / 100) - quantileSorted(sorted, quantileRange[0] / 100),
        );
    });
    return { columns, kinds, center, scale };
  }

  protected mapColumn(i: number, c: Column, s: RobustScalerState): [string, Column][] {
    const v = c.values as Float64Array;
    const out = new Float64Array(v.length);
    const m = s.center[i];
    const d = s.scale[i];
    for (let r = 0; r < v.length; r++) out[r] = (v[r] - m) / d;
    return [[s.columns[i], { kind: 'number', values: out }]];
  }

  protected namesOut(i: number, s: RobustScalerState): string[] {
    return [s.columns[i]];
  }
}

registerEstimator('RobustScaler', RobustScaler);
