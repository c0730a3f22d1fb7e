/**
 * Area under the ROC curve, as scikit-learn 1.2's `roc_auc_score`: binary from one score per
 * sample, and one-vs-rest for several classes from a matrix of class probabilities.
 */
import type { Matrix } from '../../data/matrix.js';
import { InputError } from '../../util/errors.js';
import { uniqueLabels } from './labels.js';
import { classifierCurve, rocFromCurve } from './roc-curve.js';
import { columnOf, isMatrix, scoreColumns, toFloat64 } from './scores.js';
import {
  checkLabels,
  checkNotEmpty,
  checkOption,
  checkWeights,
  type Labels,
  type Values,
  type Weights,
} from './validate.js';

export interface RocAucOptions {
  /**
   * How the one-vs-rest areas of several classes are combined: `macro` (plain mean), `weighted`
   * (by class support) or `micro` (one curve over every (sample, class) pair). Binary ignores it.
   */
  average?: 'macro' | 'weighted' | 'micro';
  /**
   * The class of each score column, in column order. Default: yTrue's labels, sorted (so the
   * columns must then follow sorted class order, as scikit-learn assumes).
   */
  classes?: Labels;
  sampleWeight?: Weights;
}

export const ROC_AUC_DEFAULTS = { average: 'macro' } as const satisfies RocAucOptions;

/**
 * `scores` is one of:
 * - a vector (or a 1-column matrix): the score of the positive class, the larger of yTrue's two
 *   labels (or `classes[1]`);
 * - a 2-column matrix: probabilities of `classes[0]` and `classes[1]`; column 1 is used (scikit-learn
 *   takes only the vector form);
 * - a k-column matrix, k > 2: class probabilities, each row summing to 1, scored one-vs-rest.
 * Every class must have positive and negative samples in yTrue, or the area is undefined and an
 * InputError says which class.
 */
export function rocAuc(yTrue: Labels, scores: Values | Matrix, options: RocAucOptions = {}): number {
  const average = options.average ?? ROC_AUC_DEFAULTS.average;
  checkOption(average, ['macro', 'weighted', 'micro'], 'average', 'rocAuc');
  const n = yTrue.length;
  checkNotEmpty(n, 'yTrue');
  checkLabels(yTrue, 'yTrue');
  const weight = checkWeights(options.sampleWeight, n);
  const present = uniqueLabels(yTrue);
  if (present.length === 1)
    throw new InputError(
      'undefined_metric',
      `rocAuc: yTrue holds only class ${present[0]}: ROC AUC is undefined when one class is present (scikit-learn raises too)`,
      { field: 'yTrue' },
    );
  const { classes, cols } = scoreColumns(yTrue, scores, options.classes, 'rocAuc');
  if (cols <= 2) {
    const positive = oneVsRest(yTrue, classes[1]);
    const s = isMatrix(scores) ? columnOf(scores, cols - 1) : toFloat64(scores);
    return binaryAuc(positive, s, weight, `class ${classes[1]}`);
  }
  const m = scores as Matrix;
  checkRowsSumToOne(m);
  if (average === 'micro') return microAuc(yTrue, m, classes, weight);
  const areas = new Float64Array(cols);
  const support = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const positive = oneVsRest(yTrue, classes[j]);
    areas[j] = binaryAuc(positive, columnOf(m, j), weight, `class ${classes[j]}`);
    for (let i = 0; i < n; i++) if (positive[i]) support[j] += weight ? weight[i] : 1;
  }
  if (average === 'macro') return mean(areas);
  let total = 0;
  let acc = 0;
  for (let j = 0; j < cols; j++) {
    total += support[j];
    acc += areas[j] * support[j];
  }
  return acc / total;
}

/** Trapezoidal area under the ROC curve of one positive-vs-rest split. */
export function binaryAuc(
  positive: Uint8Array,
  scores: Float64Array,
  weight: Float64Array | undefined,
  what = 'the positive class',
): number {
  let roc: ReturnType<typeof rocFromCurve>;
  try {
    roc = rocFromCurve(classifierCurve(positive, scores, weight), true);
  } catch (e) {
    if (e instanceof InputError && e.code === 'undefined_metric')
      throw new InputError(
        'undefined_metric',
        `ROC AUC is undefined: yTrue has ${positiveCount(positive, weight) > 0 ? 'no sample outside' : 'no sample of'} ${what} (only one class present)`,
        { field: 'yTrue' },
      );
    throw e;
  }
  const { fpr, tpr } = roc;
  let area = 0;
  for (let j = 1; j < fpr.length; j++) area += ((fpr[j] - fpr[j - 1]) * (tpr[j] + tpr[j - 1])) / 2;
  return area;
}

function positiveCount(positive: Uint8Array, weight: Float64Array | undefined): number {
  let c = 0;
  for (let i = 0; i < positive.length; i++) if (positive[i]) c += weight ? weight[i] : 1;
  return c;
}

function oneVsRest(yTrue: Labels, cls: number): Uint8Array {
  const out = new Uint8Array(yTrue.length);
  for (let i = 0; i < out.length; i++) out[i] = yTrue[i] === cls ? 1 : 0;
  return out;
}

/** One curve over all (sample, class) cells, each sample's weight repeated per class. */
function microAuc(yTrue: Labels, m: Matrix, classes: Float64Array, weight: Float64Array | undefined): number {
  const n = m.rows;
  const k = m.cols;
  const positive = new Uint8Array(n * k);
  const flat = new Float64Array(n * k);
  const w = weight ? new Float64Array(n * k) : undefined;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      positive[i * k + j] = yTrue[i] === classes[j] ? 1 : 0;
      flat[i * k + j] = m.layout === 'row' ? m.data[i * k + j] : m.data[j * n + i];
      if (w) w[i * k + j] = weight![i];
    }
  return binaryAuc(positive, flat, w, 'any class');
}

/** scikit-learn's check (`np.allclose(1, row sums)`): multiclass AUC reads probabilities. */
function checkRowsSumToOne(m: Matrix): void {
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let j = 0; j < m.cols; j++)
      s += m.layout === 'row' ? m.data[i * m.cols + j] : m.data[j * m.rows + i];
    if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s)))
      throw new InputError(
        'invalid_scores',
        `scores row ${i} sums to ${s}: multiclass ROC AUC needs class probabilities that sum to 1 per row`,
        { field: 'scores', row: i },
      );
  }
}

function mean(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}
