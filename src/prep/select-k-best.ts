import type { Column } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { type FeatureScores, fClassif, fRegression } from './f-tests.js';
import { mutualInformation } from './mutual-information.js';
import { NumberBlockTransformer } from './number-block.js';
import { type ColumnsParam, isColumnList } from './transformer.js';

export type FeatureScore = 'f_classif' | 'f_regression' | 'mutual_info_classif' | 'mutual_info_regression';

export interface SelectKBestParams extends ColumnsParam {
  /** How many of the considered number columns to keep, or `'all'`. Default 10; more than there are keeps them all. */
  k: number | 'all';
  /**
   * How a column is scored against the target. Default `'f_classif'` (ANOVA F, for class targets);
   * `'f_regression'` (F of a univariate regression); `'mutual_info_classif'` and
   * `'mutual_info_regression'` (k-nearest-neighbour mutual information, which also sees
   * non-linear relations).
   */
  score: FeatureScore;
  /** Seed of the mutual-information estimators' tie-breaking noise. Default 0. */
  seed: number;
}

export const SELECT_K_BEST_DEFAULTS = {
  columns: null,
  k: 10,
  score: 'f_classif',
  seed: 0,
} satisfies SelectKBestParams;

const SPECS: ParamSpecs<SelectKBestParams> = {
  columns: param.custom(
    'Number columns to choose from; null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  k: param.custom(
    'How many columns to keep.',
    "an integer >= 0 or 'all'",
    (v) => v === 'all' || (typeof v === 'number' && Number.isInteger(v) && v >= 0),
  ),
  score: param.oneOf('How a column is scored against the target.', [
    'f_classif',
    'f_regression',
    'mutual_info_classif',
    'mutual_info_regression',
  ]),
  seed: param.seed(),
};

export interface SelectKBestState {
  readonly columns: readonly string[];
  /** Per considered column, its score (higher: kept first). */
  readonly scores: Float64Array;
  /** Per considered column, the F-test p-value; null for mutual information. */
  readonly pValues: Float64Array | null;
  /** The columns kept, in frame order. */
  readonly kept: readonly string[];
}

/**
 * Keeps the `k` number columns that score highest against the target (scikit-learn's
 * SelectKBest): ties go to the later column and a NaN score ranks last, as there. Other columns pass
 * through. Fit needs the target and refuses missing values (impute first).
 */
export class SelectKBest extends NumberBlockTransformer<SelectKBestParams, SelectKBestState> {
  readonly kind = 'SelectKBest';
  protected readonly specs = SPECS;
  protected readonly placement = 'inPlace';

  constructor(params: Partial<SelectKBestParams> = {}) {
    super(SELECT_K_BEST_DEFAULTS, params);
  }

  protected learn(values: Float64Array[], columns: string[], y: Float64Array | undefined): SelectKBestState {
    if (y === undefined)
      throw new InputError('missing_target', `${this.kind}: fit needs the target to score columns against`, {
        field: 'y',
      });
    for (let i = 0; i < y.length; i++)
      if (!Number.isFinite(y[i]))
        throw new InputError(
          'missing_target',
          `${this.kind}: target value at row ${i} is missing or not finite`,
          {
            row: i,
          },
        );
    values.forEach((v, j) => {
      for (let i = 0; i < v.length; i++)
        if (!Number.isFinite(v[i]))
          throw new InputError(
            'not_finite',
            `${this.kind}: column '${columns[j]}' is missing or not finite at row ${i}; impute it first`,
            { column: columns[j], row: i },
          );
    });
    const { scores, pValues } = scoreColumns(this.params.score, values, y, this.params.seed);
    const keep = topK(scores, this.params.k);
    return { columns, scores, pValues, kept: columns.filter((_, j) => keep[j]) };
  }

  protected transformBlock(values: Float64Array[], s: SelectKBestState): [string, Column][] {
    const keep = new Set(s.kept);
    const out: [string, Column][] = [];
    s.columns.forEach((name, j) => {
      if (keep.has(name)) out.push([name, { kind: 'number', values: values[j] }]);
    });
    return out;
  }

  protected blockNames(s: SelectKBestState): string[] {
    return [...s.kept];
  }
}

function scoreColumns(
  score: FeatureScore,
  values: Float64Array[],
  y: Float64Array,
  seed: number,
): FeatureScores {
  if (score === 'f_classif') return fClassif(values, y);
  if (score === 'f_regression') return fRegression(values, y);
  const discreteTarget = score === 'mutual_info_classif';
  return { scores: mutualInformation(values, y, { discreteTarget, seed }), pValues: null };
}

/**
 * Flags of the k best scores, as scikit-learn picks them: a stable ascending sort with NaN as the
 * lowest, and the last k taken (so among equal scores the later column wins).
 */
export function topK(scores: Float64Array, k: number | 'all'): boolean[] {
  const p = scores.length;
  const keep = new Array<boolean>(p).fill(k === 'all');
  if (k === 'all' || k === 0) return keep;
  const clean = (v: number) => (Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v);
  const order = Array.from({ length: p }, (_, j) => j).sort(
    (a, b) => clean(scores[a]) - clean(scores[b]) || a - b,
  );
  for (const j of order.slice(Math.max(0, p - k))) keep[j] = true;
  return keep;
}

registerEstimator('SelectKBest', SelectKBest);
