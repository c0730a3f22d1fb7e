import type { Frame } from '../data/frame.js';
import { Estimator, type FitOptions } from '../models/estimator.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { iqrBounds, zScoreBounds } from './outlier-bounds.js';
import { type ResampleResult, type Resampler, takeRows } from './resampler.js';
import { type ColumnsParam, isColumnList, resolveColumns, type Transformer } from './transformer.js';

export interface OutlierRemoverParams extends ColumnsParam {
  /**
   * Which rows are outliers. Default `'iqr'`: a value outside Tukey's fences [Q1 - factor IQR,
   * Q3 + factor IQR]. `'zscore'`: a value more than `threshold` population standard deviations
   * from the mean.
   */
  method: 'iqr' | 'zscore';
  /** IQR multiplier for method 'iqr'. Default 1.5. */
  factor: number;
  /** z-score limit for method 'zscore'. Default 3. */
  threshold: number;
}

export const OUTLIER_REMOVER_DEFAULTS = {
  columns: null,
  method: 'iqr',
  factor: 1.5,
  threshold: 3,
} satisfies OutlierRemoverParams;

const SPECS: ParamSpecs<OutlierRemoverParams> = {
  columns: param.custom(
    'Number columns to check; null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  method: param.oneOf('Which rows are outliers.', ['iqr', 'zscore']),
  factor: param.number("IQR multiplier for method 'iqr'.", { min: 0 }),
  threshold: param.number("z-score limit for method 'zscore'.", { above: 0 }),
};

export interface OutlierRemoverState {
  readonly columns: readonly string[];
  /** A training row with a value below lower or above upper in any column is removed. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Rows seen at fit and how many of them were outliers (for reports). */
  readonly rowsSeen: number;
  readonly rowsRemoved: number;
}

/**
 * Removes outlier rows from the training data, and only from it: a resampler (see resampler.ts).
 * `fitResample` learns the bounds on the training rows and returns the rows within them in every
 * checked column (a missing value is not an outlier); `transform` passes every row through, so
 * prediction never drops a request. scikit-learn pipelines cannot do this (imbalanced-learn's
 * can); Cairn's Pipeline calls `fitResample` at fit.
 */
export class OutlierRemover
  extends Estimator<OutlierRemoverParams, OutlierRemoverState>
  implements Transformer, Resampler
{
  readonly kind = 'OutlierRemover';
  protected readonly specs = SPECS;

  constructor(params: Partial<OutlierRemoverParams> = {}) {
    super(OUTLIER_REMOVER_DEFAULTS, params);
  }

  fit(frame: Frame, _y?: Float64Array, _opts?: FitOptions): this {
    this.learn(frame);
    return this;
  }

  /** Learns the bounds on the training rows; returns the rows within them. */
  private learn(frame: Frame): Int32Array {
    this.checkParams();
    this.fitted = null;
    const { columns } = resolveColumns(this.kind, frame, this.params.columns, ['number']);
    const { method, factor, threshold } = this.params;
    const lower = new Float64Array(columns.length);
    const upper = new Float64Array(columns.length);
    columns.forEach((name, j) => {
      const v = frame.columnOf(name, 'number').values;
      [lower[j], upper[j]] = method === 'iqr' ? iqrBounds(v, factor) : zScoreBounds(v, threshold);
    });
    const kept = keptRows(frame, { columns, lower, upper });
    this.fitted = { columns, lower, upper, rowsSeen: frame.nRows, rowsRemoved: frame.nRows - kept.length };
    return kept;
  }

  fitResample(frame: Frame, y?: Float64Array, _opts?: FitOptions): ResampleResult {
    if (y !== undefined && y.length !== frame.nRows)
      throw new InputError(
        'length_mismatch',
        `${this.kind}: frame has ${frame.nRows} rows but y has ${y.length} values`,
      );
    const kept = this.learn(frame);
    if (kept.length === 0 && frame.nRows > 0)
      throw new InputError(
        'no_rows_left',
        `${this.kind}: every one of the ${frame.nRows} training rows is an outlier in some column; loosen the ${this.params.method === 'iqr' ? 'factor' : 'threshold'} or name fewer columns`,
        { field: this.params.method === 'iqr' ? 'factor' : 'threshold' },
      );
    const out = kept.length === frame.nRows ? frame : frame.take(kept);
    return { frame: out, y: y && takeRows(y, kept), kept };
  }

  /** Passes every row through: outliers are only ever removed from training data. */
  transform(frame: Frame): Frame {
    for (const name of this.state.columns) frame.columnOf(name, 'number');
    return frame;
  }

  featureNamesOut(inputNames: readonly string[]): string[] {
    return [...inputNames];
  }
}

/** Indices of the rows with no value outside the bounds, ascending. */
function keptRows(frame: Frame, s: Pick<OutlierRemoverState, 'columns' | 'lower' | 'upper'>): Int32Array {
  const outlier = new Uint8Array(frame.nRows);
  s.columns.forEach((name, j) => {
    const v = frame.columnOf(name, 'number').values;
    const lo = s.lower[j];
    const hi = s.upper[j];
    for (let r = 0; r < v.length; r++) if (v[r] < lo || v[r] > hi) outlier[r] = 1;
  });
  let n = 0;
  for (let r = 0; r < outlier.length; r++) if (!outlier[r]) n++;
  const kept = new Int32Array(n);
  let k = 0;
  for (let r = 0; r < outlier.length; r++) if (!outlier[r]) kept[k++] = r;
  return kept;
}

registerEstimator('OutlierRemover', OutlierRemover);
