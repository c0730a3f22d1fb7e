import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { infrequentSlots, isMinFrequency } from './infrequent.js';
import {
  type CodedColumn,
  codeCounts,
  codeLookup,
  dictionaryOf,
  labelIndex,
  presentLabels,
} from './labels.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export interface OneHotEncoderParams extends ColumnsParam {
  /**
   * A category not seen at fit: `'ignore'` (default) gives all zeros for that column, `'error'`
   * throws an InputError naming the column, the value and the row, `'infrequent_if_exist'` counts
   * it in the column's infrequent group where the column has one (else all zeros).
   */
  handleUnknown: 'ignore' | 'error' | 'infrequent_if_exist';
  /**
   * Drop one output per column: `null` (default) keeps all, `'first'` drops the first output,
   * `'if_binary'` drops the first only where a column has exactly two outputs. Outputs are counted
   * after grouping infrequent categories, as scikit-learn 1.2 does.
   */
  drop: 'first' | 'if_binary' | null;
  /**
   * Categories seen fewer times at fit are grouped into one `<col>=<infrequent>` output: an integer
   * >= 1 is a row count, a number in (0, 1) a share of the fit rows. Default `null`: no grouping.
   */
  minFrequency: number | null;
  /**
   * At most this many outputs per column (before `drop`), the infrequent group counting as one; the
   * least frequent categories are grouped first. Default `null`: no bound.
   */
  maxCategories: number | null;
}

export const ONE_HOT_ENCODER_DEFAULTS = {
  columns: null,
  handleUnknown: 'ignore',
  drop: null,
  minFrequency: null,
  maxCategories: null,
} satisfies OneHotEncoderParams;

const SPECS: ParamSpecs<OneHotEncoderParams> = {
  columns: param.custom(
    'Category and boolean columns to encode; null: all of them.',
    'null or distinct names',
    isColumnList,
  ),
  handleUnknown: param.oneOf('What a category unseen at fit gives.', [
    'ignore',
    'error',
    'infrequent_if_exist',
  ]),
  drop: param.nullable(param.oneOf('Which output to drop per column.', ['first', 'if_binary'])),
  minFrequency: param.custom(
    'Categories rarer than this at fit share one output.',
    'null, an integer >= 1 (rows) or a number in (0, 1) (share of rows)',
    isMinFrequency,
  ),
  maxCategories: param.nullable(
    param.integer('Most outputs per column, the infrequent group included.', { min: 1 }),
  ),
};

export interface OneHotEncoderState extends ColumnsState {
  /** Learned labels per column, sorted as scikit-learn sorts them. */
  readonly categories: readonly (readonly string[])[];
  /** Whether missing values were seen at fit: they then are one more category, last. */
  readonly withMissing: readonly boolean[];
  /**
   * Per column, the learned positions (the missing slot is position categories.length) grouped into
   * the one infrequent output, ascending; empty when none are. Absent in states saved before
   * format 2, which had no grouping.
   */
  readonly infrequent?: readonly (readonly number[])[];
  /** Per column, the position among its outputs (before dropping) of the dropped one, or -1. */
  readonly dropped: readonly number[];
}

/** Output-name suffix of the missing-value column (never a label: labels are plain strings). */
export const MISSING_LABEL = '<missing>';
/** Output-name suffix of the infrequent group (scikit-learn names it `infrequent_sklearn`). */
export const INFREQUENT_LABEL = '<infrequent>';

/** How one column's learned positions reach its outputs, derived once per fitted state. */
interface ColumnPlan {
  /** Learned position (categories, then the missing slot) → output position before drop. */
  readonly outputOf: Int32Array;
  /** Output position of the infrequent group, or -1. */
  readonly group: number;
  readonly names: readonly string[];
}

/**
 * One 0/1 number column `<col>=<label>` per learned category of each category or boolean column,
 * like scikit-learn's OneHotEncoder: categories are the labels present at fit, sorted; missing
 * values seen at fit become one more category, last; with `minFrequency` or `maxCategories`, rare
 * categories (missing included) share one last output `<col>=<infrequent>`. Frames are mapped by
 * label through one code → position table per call, so a frame with another category dictionary
 * encodes the same.
 */
export class OneHotEncoder extends ColumnwiseTransformer<OneHotEncoderParams, OneHotEncoderState> {
  readonly kind = 'OneHotEncoder';
  /** 2: infrequent groups; a Cairn that reads only format 1 would silently drop them. */
  override readonly formatVersion: number = 2;
  protected readonly specs = SPECS;
  #index: { state: OneHotEncoderState; maps: Map<string, number>[]; plans: ColumnPlan[] } | null = null;

  constructor(params: Partial<OneHotEncoderParams> = {}) {
    super(ONE_HOT_ENCODER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['category', 'boolean'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): OneHotEncoderState {
    const categories: string[][] = [];
    const withMissing: boolean[] = [];
    const infrequent: number[][] = [];
    const dropped: number[] = [];
    const { drop, minFrequency, maxCategories } = this.params;
    for (const name of columns) {
      const c = frame.column(name) as CodedColumn;
      const labels = presentLabels(c);
      const perCode = codeCounts(c);
      const dict = dictionaryOf(c);
      const at = labelIndex(labels);
      const counts = new Float64Array(labels.length + 1);
      for (let k = 0; k < dict.length; k++) if (perCode[k] > 0) counts[at.get(dict[k])!] += perCode[k];
      counts[labels.length] = c.values.length - counts.reduce((a, b) => a + b, 0);
      const missing = counts[labels.length] > 0;
      const grouped =
        minFrequency === null && maxCategories === null
          ? []
          : infrequentSlots(missing ? counts : counts.subarray(0, labels.length), c.values.length, {
              minFrequency,
              maxCategories,
            });
      const outputs = labels.length + (missing ? 1 : 0) - Math.max(0, grouped.length - 1);
      categories.push(labels);
      withMissing.push(missing);
      infrequent.push(grouped);
      dropped.push(drop === 'first' || (drop === 'if_binary' && outputs === 2) ? 0 : -1);
    }
    return { columns, kinds, categories, withMissing, infrequent, dropped };
  }

  /** Learned label → position maps and output plans, built once per state (also after fromJSON). */
  private index(s: OneHotEncoderState): { maps: Map<string, number>[]; plans: ColumnPlan[] } {
    if (this.#index?.state !== s)
      this.#index = {
        state: s,
        maps: s.categories.map(labelIndex),
        plans: s.columns.map((_, i) => planOf(s, i)),
      };
    return this.#index;
  }

  protected mapColumn(i: number, column: Column, s: OneHotEncoderState): [string, Column][] {
    const c = column as CodedColumn;
    const name = s.columns[i];
    const { maps, plans } = this.index(s);
    const { outputOf, group, names } = plans[i];
    const k = s.categories[i].length;
    const missingOut = s.withMissing[i] ? outputOf[k] : -1;
    // incoming code → output position, or -1 for a label not learned
    const lut = codeLookup(dictionaryOf(c), maps[i]);
    for (let j = 0; j < lut.length; j++) lut[j] = lut[j] < 0 ? -1 : outputOf[lut[j]];
    const { handleUnknown } = this.params;
    const unknownOut = handleUnknown === 'infrequent_if_exist' ? group : -1;
    const n = c.values.length;
    const outs: Float64Array[] = names.map(() => new Float64Array(n));
    for (let r = 0; r < n; r++) {
      const code = c.values[r];
      let slot = code < 0 ? missingOut : lut[code];
      if (slot < 0) {
        if (handleUnknown === 'error') throw this.unknown(name, code < 0 ? null : dictionaryOf(c)[code], r);
        slot = unknownOut;
      }
      if (slot >= 0) outs[slot][r] = 1;
    }
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

  protected namesOut(i: number, s: OneHotEncoderState): string[] {
    return this.index(s).plans[i].names.filter((_, j) => j !== s.dropped[i]);
  }
}

/** Frequent positions keep their order; the infrequent ones all go to one output after them. */
function planOf(s: OneHotEncoderState, i: number): ColumnPlan {
  const col = s.columns[i];
  const labels = s.categories[i];
  const slots = labels.length + (s.withMissing[i] ? 1 : 0);
  const grouped = new Set(s.infrequent?.[i] ?? []);
  const outputOf = new Int32Array(slots);
  const names: string[] = [];
  for (let j = 0; j < slots; j++) {
    if (grouped.has(j)) continue;
    outputOf[j] = names.length;
    names.push(`${col}=${j < labels.length ? labels[j] : MISSING_LABEL}`);
  }
  let group = -1;
  if (grouped.size > 0) {
    group = names.length;
    names.push(`${col}=${INFREQUENT_LABEL}`);
    for (const j of grouped) outputOf[j] = group;
  }
  return { outputOf, group, names };
}

registerEstimator('OneHotEncoder', OneHotEncoder);
