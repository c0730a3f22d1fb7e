import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export interface MinMaxScalerParams extends ColumnsParam {
  /** The interval the training minimum and maximum are mapped to, `[low, high]` with low < high. Default `[0, 1]`. */
  featureRange: readonly [number, number];
  /** Clip transformed values into `featureRange` (new rows beyond the training range). Default false. */
  clip: boolean;
}

export const MIN_MAX_SCALER_DEFAULTS = {
  columns: null,
  featureRange: [0, 1],
  clip: false,
} satisfies MinMaxScalerParams;

/** Spec test for a `[low, high]` pair of finite numbers with low < high. */
export function isIncreasingPair(v: unknown): boolean {
  return Array.isArray(v) && v.length === 2 && v.every((x) => Number.isFinite(x)) && (v[0] as number) < v[1];
}

const SPECS: ParamSpecs<MinMaxScalerParams> = {
  columns: param.custom(
    'Number columns to scale; null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  featureRange: param.custom(
    'The interval the training range is mapped to.',
    '[low, high] with finite low < high',
    isIncreasingPair,
  ),
  clip: param.boolean('Clip transformed values into featureRange.'),
};

export interface MinMaxScalerState extends ColumnsState {
  /** Training minimum and maximum per column (missing values ignored; NaN for an all-missing column). */
  readonly dataMin: Float64Array;
  readonly dataMax: Float64Array;
  /** out = x * scale + min, per column (scikit-learn's `scale_` and `min_`). */
  readonly scale: Float64Array;
  readonly min: Float64Array;
}

/**
 * Maps each number column's training range onto `featureRange` (scikit-learn's MinMaxScaler): a
 * column constant at fit (range below 10 machine epsilons) keeps scale 1 instead of dividing by
 * zero; missing values are ignored at fit and stay missing.
 */
export class MinMaxScaler extends ColumnwiseTransformer<MinMaxScalerParams, MinMaxScalerState> {
  readonly kind = 'MinMaxScaler';
  protected readonly specs = SPECS;

  constructor(params: Partial<MinMaxScalerParams> = {}) {
    super(MIN_MAX_SCALER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['number'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): MinMaxScalerState {
    const [low, high] = this.params.featureRange;
    const p = columns.length;
    const dataMin = new Float64Array(p).fill(Number.NaN);
    const dataMax = new Float64Array(p).fill(Number.NaN);
    const scale = new Float64Array(p);
    const min = new Float64Array(p);
    columns.forEach((name, j) => {
      const v = frame.columnOf(name, 'number').values;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      if (lo <= hi) {
        dataMin[j] = lo;
        dataMax[j] = hi;
      }
      scale[j] = (high - low) / nonZeroScale(dataMax[j] - dataMin[j]);
      min[j] = low - dataMin[j] * scale[j];
    });
    return { columns, kinds, dataMin, dataMax, scale, min };
  }

  protected mapColumn(i: number, c: Column, s: MinMaxScalerState): [string, Column][] {
    const v = c.values as Float64Array;
    const out = new Float64Array(v.length);
    const scale = s.scale[i];
    const shift = s.min[i];
    for (let r = 0; r < v.length; r++) out[r] = v[r] * scale + shift;
    if (this.params.clip) {
      const [low, high] = this.params.featureRange;
      for (let r = 0; r < out.length; r++) {
        if (out[r] < low) out[r] = low;
        else if (out[r] > high) out[r] = high;
      }
    }
    return [[s.columns[i], { kind: 'number', values: out }]];
  }

  protected namesOut(i: number, s: MinMaxScalerState): string[] {
    return [s.columns[i]];
  }
}

/**
 * scikit-learn's `_handle_zeros_in_scale`: a scale below 10 machine epsilons means a constant
 * column, which is then left unscaled (1) rather than blown up by rounding noise.
 */
export function nonZeroScale(scale: number): number {
  return scale < 10 * Number.EPSILON ? 1 : scale;
}

registerEstimator('MinMaxScaler', MinMaxScaler);
