import type { Column } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { NumberBlockTransformer } from './number-block.js';
import { type ColumnsParam, isColumnList } from './transformer.js';

export interface PolynomialFeaturesParams extends ColumnsParam {
  /** Highest total degree of the generated products. Default 2. */
  degree: number;
  /** Only products of distinct columns (`a b`, never `a^2`). Default false. */
  interactionOnly: boolean;
  /** Also output the constant column `1` (first). Default false: Cairn's models fit their own intercept. */
  includeBias: boolean;
}

export const POLYNOMIAL_FEATURES_DEFAULTS = {
  columns: null,
  degree: 2,
  interactionOnly: false,
  includeBias: false,
} satisfies PolynomialFeaturesParams;

const SPECS: ParamSpecs<PolynomialFeaturesParams> = {
  columns: param.custom(
    'Number columns to combine; null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  degree: param.integer('Highest total degree of the generated products.', { min: 1, max: 100 }),
  interactionOnly: param.boolean('Only products of distinct columns.'),
  includeBias: param.boolean('Also output the constant column 1.'),
};

/** More output columns than this is a mistake (a wide frame with a high degree), not a request. */
const MAX_OUTPUTS = 100_000;

export interface PolynomialFeaturesState {
  readonly columns: readonly string[];
  /** Per output column, the fitted column numbers multiplied (ascending; empty: the bias). */
  readonly terms: readonly (readonly number[])[];
}

/**
 * Products of number columns up to `degree`, in scikit-learn's order and with its names: for
 * columns a, b and degree 2, `a, b, a^2, a b, b^2` (bias `1` first when asked). The outputs take
 * the place of the combined columns; other columns pass through. Each product is computed as
 * scikit-learn does (first factor times the product of the rest), so values match it bit for bit.
 * Missing values propagate.
 */
export class PolynomialFeatures extends NumberBlockTransformer<
  PolynomialFeaturesParams,
  PolynomialFeaturesState
> {
  readonly kind = 'PolynomialFeatures';
  protected readonly specs = SPECS;
  protected readonly placement = 'block';

  constructor(params: Partial<PolynomialFeaturesParams> = {}) {
    super(POLYNOMIAL_FEATURES_DEFAULTS, params);
  }

  protected learn(_values: Float64Array[], columns: string[]): PolynomialFeaturesState {
    const { degree, interactionOnly, includeBias } = this.params;
    const count = outputCount(columns.length, degree, interactionOnly) + (includeBias ? 1 : 0);
    if (count > MAX_OUTPUTS)
      throw new InputError(
        'too_many_features',
        `${this.kind}: degree ${degree} on ${columns.length} columns would make ${count} columns (at most ${MAX_OUTPUTS}); lower the degree or name fewer columns`,
        { field: 'degree' },
      );
    const terms: number[][] = includeBias ? [[]] : [];
    for (let d = 1; d <= degree; d++) combinations(columns.length, d, !interactionOnly, terms);
    return { columns, terms };
  }

  protected transformBlock(
    values: Float64Array[],
    s: PolynomialFeaturesState,
    nRows: number,
  ): [string, Column][] {
    const byTerm = new Map<string, Float64Array>();
    const names = this.blockNames(s);
    return s.terms.map((term, t) => {
      let out: Float64Array;
      if (term.length === 0) out = new Float64Array(nRows).fill(1);
      else if (term.length === 1) out = values[term[0]];
      else {
        const first = values[term[0]];
        const rest = byTerm.get(term.slice(1).join(',')) as Float64Array;
        out = new Float64Array(nRows);
        for (let r = 0; r < nRows; r++) out[r] = rest[r] * first[r];
      }
      byTerm.set(term.join(','), out);
      return [names[t], { kind: 'number', values: out }];
    });
  }

  protected blockNames(s: PolynomialFeaturesState): string[] {
    return s.terms.map((term) => termName(term, s.columns));
  }
}

/** Appends the ascending index tuples of length d over n items (with repeats when asked), in lexicographic order. */
function combinations(n: number, d: number, repeat: boolean, out: number[][]): void {
  const current: number[] = [];
  const walk = (from: number) => {
    if (current.length === d) {
      out.push([...current]);
      return;
    }
    for (let i = from; i < n; i++) {
      current.push(i);
      walk(repeat ? i : i + 1);
      current.pop();
    }
  };
  walk(0);
}

/** scikit-learn's name of a product: factors in column order, `name^k` for a power k > 1, joined by spaces. */
function termName(term: readonly number[], columns: readonly string[]): string {
  if (term.length === 0) return '1';
  const parts: string[] = [];
  for (let i = 0; i < term.length; ) {
    let j = i;
    while (j < term.length && term[j] === term[i]) j++;
    parts.push(j - i === 1 ? columns[term[i]] : `${columns[term[i]]}^${j - i}`);
    i = j;
  }
  return parts.join(' ');
}

/** How many products of degree 1..degree there are over n columns. */
function outputCount(n: number, degree: number, interactionOnly: boolean): number {
  let total = 0;
  for (let d = 1; d <= degree; d++) total += interactionOnly ? choose(n, d) : choose(n + d - 1, d);
  return total;
}

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

registerEstimator('PolynomialFeatures', PolynomialFeatures);
