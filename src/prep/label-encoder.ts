import type { Column, ColumnKind } from '../data/frame.js';
import { Estimator } from '../models/estimator.js';
import type { ParamSpecs } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { type CodedColumn, codeLookup, dictionaryOf, labelIndex, presentLabels } from './labels.js';

/** LabelEncoder has no hyperparameters. */
export type LabelEncoderParams = Record<string, never>;

const SPECS: ParamSpecs<LabelEncoderParams> = {};

export interface LabelEncoderState {
  /** Kind of the target column at fit; the inverse gives a column of this kind back. */
  readonly targetKind: 'category' | 'boolean' | 'number';
  /** Class labels; code k stands for `classes[k]`. Numbers are sorted by value, labels as strings. */
  readonly classes: readonly string[];
}

/**
 * Classification targets as codes 0..K-1 (a Float64Array, as classifiers take y), with the class
 * labels to turn predictions back. Works by label, so a target column with another category
 * dictionary encodes the same; numbers are labelled by their shortest string (`String(2.5)`).
 * A missing or unseen label is an InputError naming the row.
 */
export class LabelEncoder extends Estimator<LabelEncoderParams, LabelEncoderState> {
  readonly kind = 'LabelEncoder';
  protected readonly specs = SPECS;
  #index: { state: LabelEncoderState; map: Map<string, number> } | null = null;

  constructor(params: Partial<LabelEncoderParams> = {}) {
    super({}, params);
  }

  get classes(): readonly string[] {
    return this.state.classes;
  }

  fit(y: Column): this {
    this.checkParams();
    this.fitted = null;
    const targetKind = targetKindOf(y);
    for (let r = 0; r < y.values.length; r++) if (isMissingAt(y, r)) throw missingTarget(this.kind, r);
    let classes: string[];
    if (y.kind === 'number') {
      const distinct = [...new Set(y.values)].sort((a, b) => a - b);
      classes = distinct.map(String);
    } else classes = presentLabels(y as CodedColumn);
    this.fitted = { targetKind, classes };
    return this;
  }

  fitTransform(y: Column): Float64Array {
    return this.fit(y).transform(y);
  }

  /** Codes 0..K-1 for each row. */
  transform(y: Column): Float64Array {
    const s = this.state;
    const kind = targetKindOf(y);
    if (kind !== s.targetKind)
      throw new InputError('wrong_kind', `${this.kind}: target is ${kind}, was ${s.targetKind} at fit`, {
        expected: s.targetKind,
        got: kind,
      });
    if (this.#index?.state !== s) this.#index = { state: s, map: labelIndex(s.classes) };
    const map = this.#index.map;
    const out = new Float64Array(y.values.length);
    if (y.kind === 'number') {
      for (let r = 0; r < out.length; r++) {
        const v = y.values[r];
        if (Number.isNaN(v)) throw missingTarget(this.kind, r);
        const k = map.get(String(v));
        if (k === undefined) throw this.unknown(String(v), r);
        out[r] = k;
      }
      return out;
    }
    const c = y as CodedColumn;
    const lut = codeLookup(dictionaryOf(c), map);
    for (let r = 0; r < out.length; r++) {
      const code = c.values[r];
      if (code < 0) throw missingTarget(this.kind, r);
      if (lut[code] < 0) throw this.unknown(dictionaryOf(c)[code], r);
      out[r] = lut[code];
    }
    return out;
  }

  /** Labels of the given codes (predictions); an out-of-range code is an InputError. */
  inverse(codes: ArrayLike<number>): string[] {
    const { classes } = this.state;
    const out = new Array<string>(codes.length);
    for (let r = 0; r < codes.length; r++) {
      const k = codes[r];
      if (!(Number.isInteger(k) && k >= 0 && k < classes.length))
        throw new InputError(
          'bad_code',
          `${this.kind}: code ${k} at row ${r} is not in 0..${classes.length - 1}`,
          {
            row: r,
          },
        );
      out[r] = classes[k];
    }
    return out;
  }

  /** The codes as a column of the kind seen at fit (category with the classes as dictionary). */
  inverseColumn(codes: ArrayLike<number>): Column {
    const labels = this.inverse(codes);
    const { targetKind, classes } = this.state;
    if (targetKind === 'number') return { kind: 'number', values: Float64Array.from(labels, Number) };
    if (targetKind === 'boolean')
      return { kind: 'boolean', values: Int8Array.from(labels, (l) => (l === 'true' ? 1 : 0)) };
    return { kind: 'category', values: Int32Array.from(codes), categories: classes };
  }

  private unknown(label: string, row: number): InputError {
    return new InputError(
      'unknown_label',
      `${this.kind}: label ${JSON.stringify(label)} at row ${row} was not seen at fit (classes: ${this.state.classes.join(', ')})`,
      { row, value: label },
    );
  }
}

function targetKindOf(y: Column): LabelEncoderState['targetKind'] {
  if (y.kind === 'category' || y.kind === 'boolean' || y.kind === 'number') return y.kind;
  const kind: ColumnKind = y.kind;
  throw new InputError('wrong_kind', `LabelEncoder: a ${kind} column cannot be a class label`, {
    expected: 'category|boolean|number',
    got: kind,
  });
}

function isMissingAt(y: Column, r: number): boolean {
  return y.kind === 'number' ? !Number.isFinite(y.values[r]) : (y.values[r] as number) < 0;
}

function missingTarget(kind: string, row: number): InputError {
  return new InputError('missing_target', `${kind}: target value at row ${row} is missing or not finite`, {
    row,
  });
}

registerEstimator('LabelEncoder', LabelEncoder);
