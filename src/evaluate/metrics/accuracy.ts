/** Accuracy and balanced accuracy, as scikit-learn's `accuracy_score` and `balanced_accuracy_score`. */
import { checkLabelPair, classCounts } from './class-counts.js';
import { uniqueLabels } from './labels.js';
import { type Labels, type Weights, weightTotal } from './validate.js';

export interface AccuracyOptions {
  /** true: the (weighted) share of correct predictions; false: their (weighted) count. */
  normalize?: boolean;
  sampleWeight?: Weights;
}

export const ACCURACY_DEFAULTS = { normalize: true } as const satisfies AccuracyOptions;

export function accuracy(yTrue: Labels, yPred: Labels, options: AccuracyOptions = {}): number {
  const normalize = options.normalize ?? ACCURACY_DEFAULTS.normalize;
  const { n, weight } = checkLabelPair(yTrue, yPred, options.sampleWeight);
  let hits = 0;
  for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) hits += weight ? weight[i] : 1;
  if (!normalize) return hits;
  return hits / (weight ? weightTotal(weight) : n);
}

export interface BalancedAccuracyOptions {
  /** Rescale so that chance level scores 0 and perfect scores 1 (scikit-learn's `adjusted`). */
  adjusted?: boolean;
  sampleWeight?: Weights;
}

export const BALANCED_ACCURACY_DEFAULTS = { adjusted: false } as const satisfies BalancedAccuracyOptions;

/**
 * Mean recall over the classes present in yTrue. A class that only appears in yPred has no recall
 * and is left out of the mean, as scikit-learn does (it warns).
 */
export function balancedAccuracy(
  yTrue: Labels,
  yPred: Labels,
  options: BalancedAccuracyOptions = {},
): number {
  const adjusted = options.adjusted ?? BALANCED_ACCURACY_DEFAULTS.adjusted;
  const { weight } = checkLabelPair(yTrue, yPred, options.sampleWeight);
  if (weight) weightTotal(weight);
  const { tp, trueSum } = classCounts(yTrue, yPred, uniqueLabels(yTrue, yPred), weight);
  let sum = 0;
  let classes = 0;
  for (let c = 0; c < tp.length; c++) {
    if (trueSum[c] === 0) continue;
    sum += tp[c] / trueSum[c];
    classes++;
  }
  const score = sum / classes;
  if (!adjusted) return score;
  const chance = 1 / classes;
  return (score - chance) / (1 - chance);
}
