import { type Column, type ColumnKind, Frame } from '../data/frame.js';
import type { FitOptions } from '../models/estimator.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { type CodedColumn, codeLookup, dictionaryOf, labelIndex, presentLabels } from './labels.js';
import { assignFolds } from './target-folds.js';
import { crossFitColumn, fitEncoding, type Smooth } from './target-statistics.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export type TargetType = 'binary' | 'multiclass' | 'continuous';

export interface TargetEncoderParams extends ColumnsParam {
  /**
   * How far a category's mean shrinks towards the overall mean: `'auto'` (default) by empirical
   * Bayes (categories with few rows or noisy targets shrink more), or a number m >= 0 of
   * pseudo-rows at the overall mean (0: the raw category mean).
   */
  smooth: Smooth;
  /** Folds for the cross-fitted training output (fitTransformTrain), an integer >= 2. Default 5. */
  cv: number;
  /** Seed of the fold assignment. Default 0. */
  seed: number;
  /**
   * `'auto'` (default) reads y as scikit-learn's `type_of_target` does: integers with at most two
   * distinct values are binary (one output, the share of the larger class), other integers
   * multiclass (one output per class), anything else continuous. An integer regression target
   * (counts, minutes) is read as multiclass: name `'continuous'` for it.
   */
  targetType: 'auto' | TargetType;
}

export const TARGET_ENCODER_DEFAULTS = {
  columns: null,
  smooth: 'auto',
  cv: 5,
  seed: 0,
  targetType: 'auto',
} satisfies TargetEncoderParams;

const SPECS: ParamSpecs<TargetEncoderParams> = {
  columns: param.custom(
    'Category and boolean columns to encode; null: all of them.',
    'null or distinct names',
    isColumnList,
  ),
  smooth: param.custom(
    'Shrinkage towards the overall mean.',
    "'auto' or a number >= 0",
    (v) => v === 'auto' || (typeof v === 'number' && v >= 0 && Number.isFinite(v)),
  ),
  cv: param.integer('Folds of the cross-fitted training output.', { min: 2 }),
  seed: param.seed(),
  targetType: param.oneOf('How the target is read.', ['auto', 'binary', 'multiclass', 'continuous']),
};

export interface TargetEncoderState extends ColumnsState {
  /** Learned labels per column, sorted. */
  readonly categories: readonly (readonly string[])[];
  /** Whether missing values were seen at fit: they are then one more category, last. */
  readonly withMissing: readonly boolean[];
  readonly targetType: TargetType;
  /** Sorted distinct targets for binary and multiclass; null for continuous. */
  readonly classes: readonly number[] | null;
  /** Mean target per output (one, or one per class): what unknown categories get. */
  readonly targetMean: readonly number[];
  /** Per column, the encoding of learned position p for output k at [p × outputs + k]. */
  readonly encodings: readonly Float64Array[];
}

/**
 * Category (and boolean) columns as the mean target of their category, shrunk towards the overall
 * mean, like scikit-learn 1.3's TargetEncoder: one number column in place of each column for
 * binary and continuous targets, one `<col>.y=<class>` column per class for multiclass. Missing
 * values seen at fit are a category of their own; categories unseen at fit get the overall mean.
 *
 * `transform` uses statistics of all training rows. The training rows themselves must not: a rare
 * category's mean is mostly its own target, which leaks the label into the features. So
 * `fitTransformTrain` (which Pipeline.fit calls) and `fitTransform` are cross-fitted: each training
 * row is encoded from the other `cv` − 1 folds only (stratified by class for binary and multiclass
 * targets, seeded). Sample weights are not used.
 */
export class TargetEncoder extends ColumnwiseTransformer<TargetEncoderParams, TargetEncoderState> {
  readonly kind = 'TargetEncoder';
  protected readonly specs = SPECS;
  #index: { state: TargetEncoderState; maps: Map<string, number>[] } | null = null;

  constructor(params: Partial<TargetEncoderParams> = {}) {
    super(TARGET_ENCODER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['category', 'boolean'];
  }

  protected learn(
    frame: Frame,
    columns: string[],
    kinds: ColumnKind[],
    y?: Float64Array,
  ): TargetEncoderState {
    const target = this.readTarget(frame, y);
    const categories: string[][] = [];
    const withMissing: boolean[] = [];
    const encodings: Float64Array[] = [];
    const outputs = target.columns.length;
    for (const name of columns) {
      const c = frame.column(name) as CodedColumn;
      const labels = presentLabels(c);
      const missing = c.values.some((v: number) => v < 0);
      const nSlots = labels.length + (missing ? 1 : 0);
      const slots = slotsOf(c, labelIndex(labels), missing ? labels.length : -1);
      const enc = new Float64Array(nSlots * outputs);
      target.columns.forEach((t, k) => {
        const { encoding } = fitEncoding(slots, t, nSlots, this.params.smooth);
        for (let p = 0; p < nSlots; p++) enc[p * outputs + k] = encoding[p];
      });
      categories.push(labels);
      withMissing.push(missing);
      encodings.push(enc);
    }
    const targetMean = target.columns.map(meanOf);
    return { columns, kinds, categories, withMissing, ...target.info, targetMean, encodings };
  }

  /**
   * Fits on all rows, then returns the training rows encoded out of fold: each row from the
   * statistics of the folds it is not in, so it never sees its own target.
   */
  fitTransformTrain(frame: Frame, y?: Float64Array, opts?: FitOptions): Frame {
    this.fit(frame, y, opts);
    const s = this.state;
    const target = this.readTarget(frame, y);
    if (frame.nRows < this.params.cv) {
      this.fitted = null; // a failed fit leaves no state behind
      throw new InputError(
        'too_few_rows',
        `${this.kind}: cannot cross-fit ${frame.nRows} rows in ${this.params.cv} folds (cv)`,
        { field: 'cv' },
      );
    }
    const folds = this.assignFolds(
      frame.nRows,
      s.targetType === 'continuous' ? undefined : target.classIndex,
    );
    const replaced = new Map<string, [string, Column][]>();
    s.columns.forEach((name, i) => {
      const slots = this.slots(i, frame.column(name) as CodedColumn, s);
      const nSlots = s.categories[i].length + (s.withMissing[i] ? 1 : 0);
      const names = this.namesOut(i, s);
      replaced.set(
        name,
        target.columns.map((t, k) => [
          names[k],
          {
            kind: 'number',
            values: crossFitColumn(slots, t, nSlots, this.params.smooth, folds, this.params.cv),
          },
        ]),
      );
    });
    const out: [string, Column][] = [];
    for (const [name, c] of frame.columns()) out.push(...(replaced.get(name) ?? [[name, c]]));
    return new Frame(out, frame.nRows);
  }

  /** Cross-fitted, as scikit-learn's fit_transform: the same as fitTransformTrain. */
  override fitTransform(frame: Frame, y?: Float64Array, opts?: FitOptions): Frame {
    return this.fitTransformTrain(frame, y, opts);
  }

  /** The fold of every training row; `classes` (class index per row) asks for stratified folds. */
  protected assignFolds(n: number, classes?: Int32Array): Int32Array {
    return assignFolds(n, this.params.cv, this.params.seed, classes);
  }

  protected mapColumn(i: number, column: Column, s: TargetEncoderState): [string, Column][] {
    const slots = this.slots(i, column as CodedColumn, s);
    const enc = s.encodings[i];
    const outputs = s.targetMean.length;
    const names = this.namesOut(i, s);
    return names.map((name, k) => {
      const values = new Float64Array(slots.length);
      const unknown = s.targetMean[k];
      for (let r = 0; r < slots.length; r++) values[r] = slots[r] < 0 ? unknown : enc[slots[r] * outputs + k];
      return [name, { kind: 'number', values }];
    });
  }

  protected namesOut(i: number, s: TargetEncoderState): string[] {
    const col = s.columns[i];
    return s.targetType === 'multiclass' ? s.classes!.map((c) => `${col}.y=${c}`) : [col];
  }

  /** Learned position of every row (missing: the missing slot if seen at fit), -1 where unknown. */
  private slots(i: number, c: CodedColumn, s: TargetEncoderState): Int32Array {
    if (this.#index?.state !== s) this.#index = { state: s, maps: s.categories.map(labelIndex) };
    return slotsOf(c, this.#index.maps[i], s.withMissing[i] ? s.categories[i].length : -1);
  }

  /** The target as one column (binary 0/1, continuous) or one 0/1 column per class. */
  private readTarget(frame: Frame, y: Float64Array | undefined): Target {
    if (!y)
      throw new InputError('missing_target', `${this.kind} needs the target: fit(frame, y)`, { field: 'y' });
    if (y.length !== frame.nRows)
      throw new InputError(
        'length_mismatch',
        `${this.kind}: frame has ${frame.nRows} rows but y has ${y.length} values`,
      );
    if (y.length === 0) throw new InputError('empty', `${this.kind}: cannot fit on 0 rows`);
    for (let r = 0; r < y.length; r++)
      if (!Number.isFinite(y[r]))
        throw new InputError(
          'missing_target',
          `${this.kind}: target value at row ${r} is missing or not finite`,
          {
            row: r,
          },
        );
    const type = this.params.targetType === 'auto' ? typeOfTarget(y) : this.params.targetType;
    if (type === 'continuous') return { info: { targetType: type, classes: null }, columns: [y] };
    const classes = [...new Set(y)].sort((a, b) => a - b);
    const index = new Map(classes.map((c, k) => [c, k]));
    const classIndex = new Int32Array(y.length);
    for (let r = 0; r < y.length; r++) classIndex[r] = index.get(y[r])!;
    if (type === 'binary') {
      if (classes.length > 2)
        throw new InputError(
          'not_binary',
          `${this.kind}: targetType 'binary' but y has ${classes.length} distinct values`,
          { field: 'targetType' },
        );
      // the larger class is 1, as scikit-learn's LabelEncoder gives it
      const ones = Float64Array.from(classIndex, (k) => (k === 1 ? 1 : 0));
      return { info: { targetType: type, classes }, columns: [ones], classIndex };
    }
    const columns = classes.map((_, k) => Float64Array.from(classIndex, (j) => (j === k ? 1 : 0)));
    return { info: { targetType: type, classes }, columns, classIndex };
  }
}

interface Target {
  info: { targetType: TargetType; classes: number[] | null };
  columns: Float64Array[];
  classIndex?: Int32Array;
}

/** scikit-learn's type_of_target for a number vector: binary, multiclass or continuous. */
export function typeOfTarget(y: Float64Array): TargetType {
  const seen = new Set<number>();
  for (let r = 0; r < y.length; r++) {
    if (!Number.isInteger(y[r])) return 'continuous';
    if (seen.size <= 2) seen.add(y[r]);
  }
  return seen.size <= 2 ? 'binary' : 'multiclass';
}

function slotsOf(c: CodedColumn, learned: ReadonlyMap<string, number>, missingSlot: number): Int32Array {
  const lut = codeLookup(dictionaryOf(c), learned);
  const out = new Int32Array(c.values.length);
  for (let r = 0; r < out.length; r++) {
    const code = c.values[r];
    out[r] = code < 0 ? missingSlot : lut[code];
  }
  return out;
}

function meanOf(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}

registerEstimator('TargetEncoder', TargetEncoder);
