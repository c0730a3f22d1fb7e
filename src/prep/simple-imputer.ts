import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { type CodedColumn, codeCounts, compareLabels, dictionaryOf } from './labels.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export type ImputeStrategy = 'mean' | 'median' | 'most_frequent' | 'constant';

export interface SimpleImputerParams extends ColumnsParam {
  /**
   * How missing values are filled. Default `'median'`. `'mean'` and `'median'` apply to number
   * columns; `'most_frequent'` (ties go to the smallest value or label, as scikit-learn) and
   * `'constant'` also to category and boolean columns.
   */
  strategy: ImputeStrategy;
  /**
   * The fill for `'constant'`. Default `null`: 0 for numbers, `'missing_value'` for categories
   * (scikit-learn's defaults) and false for booleans. A value given fills the columns of its own
   * type only (a number: number columns, a string: categories, a boolean: booleans).
   */
  fillValue: number | string | boolean | null;
  /**
   * Also append a 0/1 number column `missingindicator_<col>` for each column that had missing
   * values at fit (scikit-learn's `add_indicator`, features='missing-only'). Default false.
   */
  addIndicator: boolean;
}

export const SIMPLE_IMPUTER_DEFAULTS = {
  columns: null,
  strategy: 'median',
  fillValue: null,
  addIndicator: false,
} satisfies SimpleImputerParams;

const SPECS: ParamSpecs<SimpleImputerParams> = {
  columns: param.custom(
    'Columns to impute; null: all columns the strategy handles.',
    'null or distinct names',
    isColumnList,
  ),
  strategy: param.oneOf('How missing values are filled.', ['mean', 'median', 'most_frequent', 'constant']),
  fillValue: param.custom(
    "The fill for strategy 'constant'.",
    'null, a finite number, a string or a boolean',
    (v) => v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v),
  ),
  addIndicator: param.boolean('Append a 0/1 missing indicator per column that had missing values at fit.'),
};

export interface SimpleImputerState extends ColumnsState {
  /** Fill per column: a number for number columns, a label for categories, 0/1 for booleans. */
  readonly fills: readonly (number | string)[];
  /** Fitted columns that had missing values at fit (they get indicators when asked). */
  readonly withMissing: readonly string[];
}

const INDICATOR_PREFIX = 'missingindicator_';

/**
 * Fills missing values per column with a statistic learned at fit (scikit-learn's SimpleImputer).
 * A column with no observed value at fit cannot give a mean, median or mode: instead of dropping
 * it silently (scikit-learn drops it with a warning, shifting every later column), fit throws an
 * InputError naming the column, so the user drops it or picks strategy 'constant'.
 */
export class SimpleImputer extends ColumnwiseTransformer<SimpleImputerParams, SimpleImputerState> {
  readonly kind = 'SimpleImputer';
  protected readonly specs = SPECS;

  constructor(params: Partial<SimpleImputerParams> = {}) {
    super(SIMPLE_IMPUTER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    const { strategy, fillValue } = this.params;
    if (strategy === 'mean' || strategy === 'median') return ['number'];
    if (strategy === 'constant' && fillValue !== null)
      return [
        typeof fillValue === 'number' ? 'number' : typeof fillValue === 'string' ? 'category' : 'boolean',
      ];
    return ['number', 'category', 'boolean'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): SimpleImputerState {
    const fills: (number | string)[] = [];
    const withMissing: string[] = [];
    for (const name of columns) {
      const c = frame.column(name);
      if (c.kind === 'number') {
        fills.push(this.numberFill(name, c.values));
        if (c.values.some(Number.isNaN)) withMissing.push(name);
      } else if (c.kind === 'category' || c.kind === 'boolean') {
        const fill = this.codedFill(name, c);
        fills.push(c.kind === 'boolean' ? (fill === 'true' ? 1 : 0) : fill);
        if (c.values.some((v: number) => v < 0)) withMissing.push(name);
      }
    }
    return { columns, kinds, fills, withMissing };
  }

  private numberFill(name: string, values: Float64Array): number {
    const { strategy, fillValue } = this.params;
    if (strategy === 'constant') return typeof fillValue === 'number' ? fillValue : 0;
    const seen = observed(values);
    if (seen.length === 0) throw allMissing(this.kind, name, strategy);
    if (strategy === 'mean') {
      let sum = 0;
      for (let i = 0; i < seen.length; i++) sum += seen[i];
      return sum / seen.length;
    }
    seen.sort();
    if (strategy === 'median') {
      const mid = seen.length >> 1;
      return seen.length % 2 === 1 ? seen[mid] : (seen[mid - 1] + seen[mid]) / 2;
    }
    return sortedMode(seen);
  }

  /** The fill label of a category or boolean column. */
  private codedFill(name: string, c: CodedColumn): string {
    const { strategy, fillValue } = this.params;
    if (strategy === 'constant') {
      if (c.kind === 'boolean') return fillValue === true ? 'true' : 'false';
      return typeof fillValue === 'string' ? fillValue : 'missing_value';
    }
    const dict = dictionaryOf(c);
    const counts = codeCounts(c);
    let best = -1;
    for (let k = 0; k < dict.length; k++) {
      if (counts[k] === 0) continue;
      if (
        best < 0 ||
        counts[k] > counts[best] ||
        (counts[k] === counts[best] && compareLabels(dict[k], dict[best]) < 0)
      )
        best = k;
    }
    if (best < 0) throw allMissing(this.kind, name, strategy);
    return dict[best];
  }

  protected mapColumn(i: number, c: Column, s: SimpleImputerState): [string, Column][] {
    const name = s.columns[i];
    const fill = s.fills[i];
    if (c.kind === 'number') {
      const out = new Float64Array(c.values.length);
      const f = fill as number;
      for (let r = 0; r < out.length; r++) out[r] = Number.isNaN(c.values[r]) ? f : c.values[r];
      return [[name, { kind: 'number', values: out }]];
    }
    if (c.kind === 'boolean') {
      const out = new Int8Array(c.values.length);
      const f = fill as number;
      for (let r = 0; r < out.length; r++) out[r] = c.values[r] < 0 ? f : c.values[r];
      return [[name, { kind: 'boolean', values: out }]];
    }
    if (c.kind === 'category') {
      // The fill is a label: find it in this frame's dictionary, or add it there.
      let code = c.categories.indexOf(fill as string);
      const categories = code >= 0 ? c.categories : [...c.categories, fill as string];
      if (code < 0) code = categories.length - 1;
      const out = new Int32Array(c.values.length);
      for (let r = 0; r < out.length; r++) out[r] = c.values[r] < 0 ? code : c.values[r];
      return [[name, { kind: 'category', values: out, categories }]];
    }
    throw new Error(`SimpleImputer cannot map a ${c.kind} column`);
  }

  protected namesOut(i: number, s: SimpleImputerState): string[] {
    return [s.columns[i]];
  }

  protected override extraColumns(frame: Frame, s: SimpleImputerState): [string, Column][] {
    if (!this.params.addIndicator) return [];
    return s.withMissing.map((name) => {
      const c = frame.column(name);
      const out = new Float64Array(frame.nRows);
      for (let r = 0; r < out.length; r++) out[r] = isMissingValue(c, r) ? 1 : 0;
      return [INDICATOR_PREFIX + name, { kind: 'number', values: out }];
    });
  }

  protected override extraNames(s: SimpleImputerState): string[] {
    return this.params.addIndicator ? s.withMissing.map((n) => INDICATOR_PREFIX + n) : [];
  }
}

function isMissingValue(c: Column, r: number): boolean {
  return c.kind === 'number' ? Number.isNaN(c.values[r]) : (c.values[r] as number) < 0;
}

function observed(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out;
}

/** The most frequent value of a sorted array; the smallest one among ties. */
function sortedMode(sorted: Float64Array): number {
  let best = sorted[0];
  let bestCount = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

function allMissing(kind: string, column: string, strategy: ImputeStrategy): InputError {
  return new InputError(
    'all_missing',
    `${kind}: column '${column}' has no observed values at fit, so strategy '${strategy}' has nothing to learn; drop the column or use strategy 'constant'`,
    { column, field: 'strategy' },
  );
}

registerEstimator('SimpleImputer', SimpleImputer);
