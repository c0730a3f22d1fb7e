import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { type CodedColumn, codeLookup, dictionaryOf, labelIndex, presentLabels } from './labels.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export interface OrdinalEncoderParams extends ColumnsParam {
  /**
   * The number a category unseen at fit becomes. Default -1, below every learned position, so
   * tree splits keep it apart; missing values always become NaN.
   */
  unknownValue: number;
}

export const ORDINAL_ENCODER_DEFAULTS = {
  columns: null,
  unknownValue: -1,
} satisfies OrdinalEncoderParams;

const SPECS: ParamSpecs<OrdinalEncoderParams> = {
  columns: param.custom(
    'Category columns to encode; null: all of them.',
    'null or distinct names',
    isColumnList,
  ),
  unknownValue: param.number('The number an unseen category becomes.'),
};

export interface OrdinalEncoderState extends ColumnsState {
  /** Learned labels per column, sorted; a label becomes its position. */
  readonly categories: readonly (readonly string[])[];
}

/**
 * Category columns as number columns of their sorted-label positions (scikit-learn's
 * OrdinalEncoder with unknowns as `unknownValue`), for tree models that split on order. Mapped by
 * label through one lookup table per call, like the OneHotEncoder.
 */
export class OrdinalEncoder extends ColumnwiseTransformer<OrdinalEncoderParams, OrdinalEncoderState> {
  readonly kind = 'OrdinalEncoder';
  protected readonly specs = SPECS;
  #index: { state: OrdinalEncoderState; maps: Map<string, number>[] } | null = null;

  constructor(params: Partial<OrdinalEncoderParams> = {}) {
    super(ORDINAL_ENCODER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['category'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): OrdinalEncoderState {
    return { columns, kinds, categories: columns.map((n) => presentLabels(frame.column(n) as CodedColumn)) };
  }

  protected mapColumn(i: number, column: Column, s: OrdinalEncoderState): [string, Column][] {
    const c = column as CodedColumn;
    if (this.#index?.state !== s) this.#index = { state: s, maps: s.categories.map(labelIndex) };
    const lut = codeLookup(dictionaryOf(c), this.#index.maps[i]);
    const unknown = this.params.unknownValue;
    const out = new Float64Array(c.values.length);
    for (let r = 0; r < out.length; r++) {
      const code = c.values[r];
      out[r] = code < 0 ? Number.NaN : lut[code] < 0 ? unknown : lut[code];
    }
    return [[s.columns[i], { kind: 'number', values: out }]];
  }

  protected namesOut(i: number, s: OrdinalEncoderState): string[] {
    return [s.columns[i]];
  }
}

registerEstimator('OrdinalEncoder', OrdinalEncoder);
