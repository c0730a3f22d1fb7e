import type { Column } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { NumberBlockTransformer } from './number-block.js';
import { type ColumnsParam, isColumnList } from './transformer.js';

export interface KNNImputerParams extends ColumnsParam {
  /** How many training rows (that have the value) fill a missing value. Default 5. */
  nNeighbors: number;
  /**
   * How the neighbours' values are averaged. Default `'uniform'`: plain mean. `'distance'`: weighted
   * by the inverse distance (a neighbour at distance 0 takes all the weight).
   */
  weights: 'uniform' | 'distance';
  /**
   * Also append a 0/1 number column `missingindicator_<col>` for each column that had missing
   * values at fit (scikit-learn's `add_indicator`). Default false.
   */
  addIndicator: boolean;
}

export const KNN_IMPUTER_DEFAULTS = {
  columns: null,
  nNeighbors: 5,
  weights: 'uniform',
  addIndicator: false,
} satisfies KNNImputerParams;

const SPECS: ParamSpecs<KNNImputerParams> = {
  columns: param.custom(
    'Number columns to impute (and to measure distances on); null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  nNeighbors: param.integer('How many training rows fill a missing value.', { min: 1 }),
  weights: param.oneOf('How the neighbours are averaged.', ['uniform', 'distance']),
  addIndicator: param.boolean('Append a 0/1 missing indicator per column that had missing values at fit.'),
};

export interface KNNImputerState {
  readonly columns: readonly string[];
  /** The training rows over the fitted columns, row-major (rows × columns); the donors. */
  readonly train: Float64Array;
  readonly rows: number;
  /** Per column, the mean of its training values: the fill when no donor shares a coordinate. */
  readonly means: Float64Array;
  /** Fitted columns that had missing values at fit (they get indicators when asked). */
  readonly withMissing: readonly string[];
}

const INDICATOR_PREFIX = 'missingindicator_';

/**
 * Fills each missing value with the average of that column over the `nNeighbors` nearest training
 * rows that have it (scikit-learn's KNNImputer). Distance is scikit-learn's nan-Euclidean one:
 * over the coordinates both rows have, scaled up by (columns / shared coordinates), so rows with
 * fewer shared values are not unfairly near. A row that shares no coordinate with any donor gets
 * the column's training mean. Among equally distant donors the earlier training row is taken
 * (numpy's partition leaves that order unspecified). The training rows are kept in the state:
 * imputing n rows costs n × training rows × columns.
 */
export class KNNImputer extends NumberBlockTransformer<KNNImputerParams, KNNImputerState> {
  readonly kind = 'KNNImputer';
  protected readonly specs = SPECS;
  protected readonly placement = 'inPlace';

  constructor(params: Partial<KNNImputerParams> = {}) {
    super(KNN_IMPUTER_DEFAULTS, params);
  }

  protected learn(values: Float64Array[], columns: string[]): KNNImputerState {
    const p = columns.length;
    const rows = values.length > 0 ? values[0].length : 0;
    const train = new Float64Array(rows * p);
    const means = new Float64Array(p);
    const withMissing: string[] = [];
    values.forEach((v, j) => {
      let sum = 0;
      let n = 0;
      for (let r = 0; r < rows; r++) {
        train[r * p + j] = v[r];
        if (!Number.isNaN(v[r])) {
          sum += v[r];
          n++;
        }
      }
      if (n === 0)
        throw new InputError(
          'all_missing',
          `${this.kind}: column '${columns[j]}' has no observed values at fit, so no neighbour can fill it; drop the column`,
          { column: columns[j] },
        );
      means[j] = sum / n;
      if (n < rows) withMissing.push(columns[j]);
    });
    return { columns, train, rows, means, withMissing };
  }

  protected transformBlock(values: Float64Array[], s: KNNImputerState, nRows: number): [string, Column][] {
    const p = s.columns.length;
    const out = values.map((v) => v);
    const copied = new Array<boolean>(p).fill(false);
    const query = new Float64Array(p);
    const dist = new Float64Array(s.rows);
    const k = this.params.nNeighbors;
    const bestDist = new Float64Array(k);
    const bestRow = new Int32Array(k);
    for (let r = 0; r < nRows; r++) {
      let missing = 0;
      for (let j = 0; j < p; j++) {
        query[j] = values[j][r];
        if (Number.isNaN(query[j])) missing++;
      }
      if (missing === 0) continue;
      nanEuclidean(query, s.train, s.rows, dist);
      for (let j = 0; j < p; j++) {
        if (!Number.isNaN(query[j])) continue;
        if (!copied[j]) {
          out[j] = Float64Array.from(values[j]);
          copied[j] = true;
        }
        out[j][r] = this.impute(j, s, dist, bestDist, bestRow);
      }
    }
    const result: [string, Column][] = s.columns.map((name, j) => [name, { kind: 'number', values: out[j] }]);
    if (this.params.addIndicator)
      for (const name of s.withMissing) {
        const v = values[s.columns.indexOf(name)];
        const ind = new Float64Array(nRows);
        for (let r = 0; r < nRows; r++) ind[r] = Number.isNaN(v[r]) ? 1 : 0;
        result.push([INDICATOR_PREFIX + name, { kind: 'number', values: ind }]);
      }
    return result;
  }

  protected blockNames(s: KNNImputerState): string[] {
    const indicators = this.params.addIndicator ? s.withMissing.map((n) => INDICATOR_PREFIX + n) : [];
    return [...s.columns, ...indicators];
  }

  /** The fill for column j of a row at distances `dist` from the training rows. */
  private impute(
    j: number,
    s: KNNImputerState,
    dist: Float64Array,
    bestDist: Float64Array,
    bestRow: Int32Array,
  ): number {
    const p = s.columns.length;
    const train = s.train;
    // the k nearest donors (rows that have column j); NaN distances rank after every number
    let found = 0;
    let finite = 0;
    for (let t = 0; t < s.rows; t++) {
      if (Number.isNaN(train[t * p + j])) continue;
      const d = dist[t];
      if (!Number.isNaN(d)) finite++;
      if (found < bestDist.length) {
        insertDonor(bestDist, bestRow, found, d, t);
        found++;
      } else if (before(d, bestDist[found - 1])) insertDonor(bestDist, bestRow, found - 1, d, t);
    }
    if (finite === 0) return s.means[j];
    if (this.params.weights === 'uniform') {
      let sum = 0;
      for (let i = 0; i < found; i++) sum += train[bestRow[i] * p + j];
      return sum / found;
    }
    let zero = false;
    for (let i = 0; i < found; i++) if (bestDist[i] === 0) zero = true;
    let num = 0;
    let den = 0;
    for (let i = 0; i < found; i++) {
      const d = bestDist[i];
      // scikit-learn: 1/d, or (when some donor is at 0) 1 for those at 0 and 0 for the rest;
      // NaN distances weigh 0
      const w = zero ? (d === 0 ? 1 : 0) : Number.isNaN(d) ? 0 : 1 / d;
      num += train[bestRow[i] * p + j] * w;
      den += w;
    }
    return num / den;
  }
}

/** Whether distance a ranks before b: numbers ascending, NaN last. */
function before(a: number, b: number): boolean {
  return Number.isNaN(b) ? !Number.isNaN(a) : a < b;
}

/** Inserts (d, row) into the first `count` sorted slots (the last slot is dropped when full). */
function insertDonor(
  bestDist: Float64Array,
  bestRow: Int32Array,
  count: number,
  d: number,
  row: number,
): void {
  let i = count;
  while (i > 0 && before(d, bestDist[i - 1])) {
    bestDist[i] = bestDist[i - 1];
    bestRow[i] = bestRow[i - 1];
    i--;
  }
  bestDist[i] = d;
  bestRow[i] = row;
}

/**
 * scikit-learn's nan-Euclidean distance from `query` to every training row: the squared
 * differences over the coordinates both have, times (columns / shared coordinates), square-rooted;
 * NaN when they share none.
 */
function nanEuclidean(query: Float64Array, train: Float64Array, rows: number, out: Float64Array): void {
  const p = query.length;
  for (let t = 0; t < rows; t++) {
    let ss = 0;
    let shared = 0;
    const base = t * p;
    for (let j = 0; j < p; j++) {
      const d = query[j] - train[base + j];
      if (!Number.isNaN(d)) {
        ss += d * d;
        shared++;
      }
    }
    out[t] = shared === 0 ? Number.NaN : Math.sqrt((ss / shared) * p);
  }
}

registerEstimator('KNNImputer', KNNImputer);
