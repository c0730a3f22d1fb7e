/**
 * The sufficient statistics of every label metric: per class, the (weighted) count of true
 * positives, of predictions and of true samples. scikit-learn derives them from
 * `multilabel_confusion_matrix`; here one pass over the encoded labels fills three Float64Arrays.
 */
import { encodeLabels } from './labels.js';
import {
  checkLabels,
  checkNotEmpty,
  checkSameLength,
  checkWeights,
  type Labels,
  type Weights,
} from './validate.js';

export interface ClassCounts {
  /** The classes counted, in the order asked for. */
  readonly labels: Float64Array;
  /** Samples of the class predicted as the class. */
  readonly tp: Float64Array;
  /** Samples predicted as the class (tp + fp). */
  readonly predSum: Float64Array;
  /** Samples truly of the class (tp + fn), the support. */
  readonly trueSum: Float64Array;
}

/** Validated pair of label arrays, with weights as a Float64Array when given. */
export function checkLabelPair(
  yTrue: Labels,
  yPred: Labels,
  sampleWeight?: Weights,
): { n: number; weight: Float64Array | undefined } {
  const n = yTrue.length;
  checkNotEmpty(n, 'yTrue');
  checkSameLength(n, yPred, 'yPred');
  checkLabels(yTrue, 'yTrue');
  checkLabels(yPred, 'yPred');
  return { n, weight: checkWeights(sampleWeight, n) };
}

/**
 * Counts for `labels` only. A sample whose true or predicted label lies outside `labels` still
 * counts on the side that is inside (a prediction of a listed class for an unlisted true class is
 * a false positive), as in scikit-learn.
 */
export function classCounts(
  yTrue: Labels,
  yPred: Labels,
  labels: Float64Array,
  weight: Float64Array | undefined,
): ClassCounts {
  const k = labels.length;
  const t = encodeLabels(yTrue, labels);
  const p = encodeLabels(yPred, labels);
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  for (let i = 0; i < t.length; i++) {
    const w = weight ? weight[i] : 1;
    const ti = t[i];
    const pi = p[i];
    if (ti >= 0) {
      trueSum[ti] += w;
      if (ti === pi) tp[ti] += w;
    }
    if (pi >= 0) predSum[pi] += w;
  }
  return { labels, tp, predSum, trueSum };
}
