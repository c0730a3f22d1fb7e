import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { type CodedColumn, codeLookup, dictionaryOf, labelIndex, presentLabels } from './labels.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export interface OneHotEncoderParams extends ColumnsParam {
  /**
   * A category not seen at fit: `'ignore'` (default) gives all zeros for that column, `'error'`
   * throws an InputError naming the column, the value and the row.
   */
  handleUnknown: 'ignore' | 'error';
  /**
   * Drop one output per column: `null` (default) keeps all, `'first'` drops the first learned
   * category, `'if_binary'` drops the first only where a column has exactly two.
   */
  drop: 'first' | 'if_binary' | null;
}

export const ONE_HOT_ENCODER_DEFAULTS = {
  columns: null,
  handleUnknown: 'ignore',
  drop: null,
} satisfies OneHotEncoderParams;

const SPECS: ParamSpecs<OneHotEncoderParams> = {
  columns: param.custom(
    'Category and boolean columns to encode; null: all of them.',
    'null or distinct names',
    isColumnList,
  ),
  handleUnknown: param.oneOf('What a category unseen at fit gives.', ['ignore', 'error']),
  drop: param.nullable(param.oneOf('Which output to drop per column.', ['first', 'if_binary'])),
};

export interface OneHotEncoderState extends ColumnsState {
  /** Learned labels per column, sorted as scikit-learn sorts them. */
  readonly categories: readonly (readonly string[])[];
  /** Whether missing values were seen at fit: they then get their own last output column. */
  readonly withMissing: readonly boolean[];
  /** Position of the dropped output per column (the missing slot is position categories.length), or -1. */
  readonly dropped: readonly number[];
}

/** Output-name suffix of the missing-value column (never a label: labels are plain strings). */
export const MISSING_LABEL = '<missing>';

/**
 * One 0/1 number column `<col>=<label>` per learned category of each category or boolean column,
 * like scikit-learn's OneHotEncoder: categories are the labels present at fit, sorted; missing
 * values seen at fit become one more category, last. Frames are mapped by label through one
 * code → position table per call, so a frame with another category dictionary encodes the same.
 */
export class OneHotEncoder extends ColumnwiseTransformer<OneHotEncoderParams, OneHotEncoderState> {
  readonly kind = 'OneHotEncoder';
  protected readonly specs = SPECS;
  #index: { state: OneHotEncoderState; maps: Map<string, number>[] } | null = null;

  constructor(params: Partial<OneHotEncoderParams> = {}) {
    super(ONE_HOT_ENCODER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['category', 'boolean'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): OneHotEncoderState {
    const categories: string[][] = [];
    const withMissing: boolean[] = [];
    const dropped: number[] = [];
    for (const name of columns) {
      const c = frame.column(name) as CodedColumn;
      const labels = presentLabels(c);
      const missing = c.values.some((v: number) => v < 0);
      const slots = labels.length + (missing ? 1 : 0);
      const { drop } = this.params;
      categories.push(labels);
      withMissing.push(missing);
      dropped.push(drop === 'first' || (drop === 'if_binary' && slots === 2) ? 0 : -1);
    }
    return { columns, kinds, categories, withMissing, dropped };
  }

  /** Learned label → position maps, built once per state (also after fromJSON). */
  private maps(s: OneHotEncoderState): Map<string, number>[] {
    if (this.#index?.state !== s) this.#index = { state: s, maps: s.categories.map(labelIndex) };
    return this.#index.maps;
  }

  protected mapColumn(i: number, column: Column, s: OneHotEncoderState): [string, Column][] {
    const c = column as CodedColumn;
    const name = s.columns[i];
    const k = s.categories[i].length;
    const missingSlot = s.withMissing[i] ? k : -1;
    const lut = codeLookup(dictionaryOf(c), this.maps(s)[i]);
    const n = c.values.length;
    const outs: Float64Array[] = [];
    for (let j = 0; j < k + (missingSlot >= 0 ? 1 : 0); j++) outs.push(new Float64Array(n));
    const strict = this.params.handleUnknown === 'error';
    for (let r = 0; r < n; r++) {
      const code = c.values[r];
      const slot = code < 0 ? missingSlot : lut[code];
      if (slot >= 0) outs[slot][r] = 1;
      else if (strict) throw this.unknown(name, code < 0 ? null : dictionaryOf(c)[code], r);
    }
    const names = this.namesAll(i, s);
    const out: [string, Column][] = [];
    for (let j = 0; j < outs.length; j++)
      if (j !== s.dropped[i]) out.push([names[j], { kind: 'number', values: outs[j] }]);
    return out;
  }

  private unknown(column: string, label: string | null, row: number): InputError {
    const what = label === null ? 'a missing value' : `category ${JSON.stringify(label)}`;
    return new InputError(
      'unknown_category',
      `${this.kind}: column '${column}' has ${what} at row ${row}, not seen at fit (handleUnknown is 'error')`,
      { column, row, value: label },
    );
  }

  private namesAll(i: number, s: OneHotEncoderState): string[] {
    const col = s.columns[i];
    const names = s.categories[i].map((l) => `${col}=${l}`);
    if (s.withMissing[i]) names.push(`${col}=${MISSING_LABEL}`);
    return names;
  }

  protected namesOut(i: number, s: OneHotEncoderState): string[] {
    return this.namesAll(i, s).filter((_, j) => j !== s.dropped[i]);
  }
}

registerEstimator('OneHotEncoder', OneHotEncoder);
