/** Confusion matrix, as scikit-learn's `confusion_matrix`: rows are true classes, columns predicted. */
import { type Matrix, matrix } from '../../data/matrix.js';
import { InputError } from '../../util/errors.js';
import { checkLabelPair } from './class-counts.js';
import { checkLabelList, encodeLabels, uniqueLabels } from './labels.js';
import { checkOption, type Labels, type Weights } from './validate.js';

export interface ConfusionMatrixOptions {
  /**
   * Classes to show, in this order. Default: every label in yTrue or yPred, sorted. Samples whose
   * true or predicted label is not listed are left out.
   */
  labels?: Labels;
  sampleWeight?: Weights;
  /** Divide by the row sums ('true'), the column sums ('pred') or the total ('all'); 0/0 gives 0. */
  normalize?: 'true' | 'pred' | 'all';
}

export interface ConfusionMatrix {
  /** The class of each row and column. */
  readonly labels: Float64Array;
  /** Row-major k×k: entry (i, j) counts samples of class labels[i] predicted as labels[j]. */
  readonly matrix: Matrix;
}

export function confusionMatrix(
  yTrue: Labels,
  yPred: Labels,
  options: ConfusionMatrixOptions = {},
): ConfusionMatrix {
  const { n, weight } = checkLabelPair(yTrue, yPred, options.sampleWeight);
  const labels = options.labels ? checkLabelList(options.labels, 'labels') : uniqueLabels(yTrue, yPred);
  const k = labels.length;
  const t = encodeLabels(yTrue, labels);
  const p = encodeLabels(yPred, labels);
  if (options.labels && !t.some((c) => c >= 0))
    throw new InputError('invalid_labels', 'confusionMatrix: none of the given labels occurs in yTrue', {
      field: 'labels',
    });
  const cm = new Float64Array(k * k);
  for (let i = 0; i < n; i++) if (t[i] >= 0 && p[i] >= 0) cm[t[i] * k + p[i]] += weight ? weight[i] : 1;
  if (options.normalize) {
    checkOption(options.normalize, ['true', 'pred', 'all'], 'normalize', 'confusionMatrix');
    normalizeInPlace(cm, k, options.normalize);
  }
  return { labels, matrix: matrix(k, k, cm) };
}

function normalizeInPlace(cm: Float64Array, k: number, how: 'true' | 'pred' | 'all'): void {
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const v = cm[i * k + j];
      sums[how === 'pred' ? j : i] += v;
      total += v;
    }
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const d = how === 'all' ? total : sums[how === 'pred' ? j : i];
      cm[i * k + j] = d === 0 ? 0 : cm[i * k + j] / d;
    }
}
