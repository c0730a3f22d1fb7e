/**
 * Precision, recall and F-beta with scikit-learn 1.2's averaging and zero-division rules
 * (`precision_recall_fscore_support` and the functions built on it).
 */
import { InputError } from '../../util/errors.js';
import { type ClassCounts, checkLabelPair, classCounts } from './class-counts.js';
import { checkLabelList, uniqueLabels } from './labels.js';
import { checkOption, type Labels, type Weights } from './validate.js';

/**
 * - `binary`: the score of `posLabel` alone; the labels must be two at most.
 * - `macro`: unweighted mean over classes.
 * - `weighted`: mean over classes weighted by their support (true count).
 * - `micro`: from the counts pooled over classes (equals accuracy when every class is counted).
 */
export type Average = 'binary' | 'macro' | 'weighted' | 'micro';
export const AVERAGES: readonly Average[] = ['binary', 'macro', 'weighted', 'micro'];

export interface PrfOptions {
  average?: Average;
  /** The positive class for `average: 'binary'`; ignored by the other averages. */
  posLabel?: number;
  /**
   * Classes to average over, for the non-binary averages. Default: every label in yTrue or yPred.
   * A listed class absent from both scores by the zero-division rule.
   */
  labels?: Labels;
  /** Value of a ratio whose denominator is 0 (no predictions, or no true samples, of a class). */
  zeroDivision?: 0 | 1;
  sampleWeight?: Weights;
}

export const PRF_DEFAULTS = {
  average: 'binary',
  posLabel: 1,
  zeroDivision: 0,
} as const satisfies PrfOptions;

export interface PerClassOptions {
  /** Weight of recall against precision in the F score; 1 gives F1. */
  beta?: number;
  labels?: Labels;
  zeroDivision?: 0 | 1;
  sampleWeight?: Weights;
}

/** One entry per class (scikit-learn's `average=None`), for reports. */
export interface PerClassScores {
  readonly labels: Float64Array;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly fscore: Float64Array;
  /** (Weighted) number of true samples of each class. */
  readonly support: Float64Array;
}

export function precision(yTrue: Labels, yPred: Labels, options: PrfOptions = {}): number {
  return prf(yTrue, yPred, 1, options, 'precision').precision;
}

export function recall(yTrue: Labels, yPred: Labels, options: PrfOptions = {}): number {
  return prf(yTrue, yPred, 1, options, 'recall').recall;
}

export function f1(yTrue: Labels, yPred: Labels, options: PrfOptions = {}): number {
  return prf(yTrue, yPred, 1, options, 'f1').fscore;
}

/** F-beta: beta > 1 favours recall, beta < 1 precision; beta = Infinity gives recall. */
export function fbeta(yTrue: Labels, yPred: Labels, beta: number, options: PrfOptions = {}): number {
  return prf(yTrue, yPred, beta, options, 'fbeta').fscore;
}

export function perClassScores(yTrue: Labels, yPred: Labels, options: PerClassOptions = {}): PerClassScores {
  const beta = options.beta ?? 1;
  const zeroDivision = options.zeroDivision ?? PRF_DEFAULTS.zeroDivision;
  checkBetaAndZeroDivision(beta, zeroDivision, 'perClassScores');
  const { weight } = checkLabelPair(yTrue, yPred, options.sampleWeight);
  const labels = options.labels ? checkLabelList(options.labels, 'labels') : uniqueLabels(yTrue, yPred);
  const counts = classCounts(yTrue, yPred, labels, weight);
  const s = divide(counts, beta, zeroDivision);
  return { labels, ...s, support: counts.trueSum };
}

interface Averaged {
  precision: number;
  recall: number;
  fscore: number;
}

function prf(yTrue: Labels, yPred: Labels, beta: number, options: PrfOptions, metric: string): Averaged {
  const average = options.average ?? PRF_DEFAULTS.average;
  const posLabel = options.posLabel ?? PRF_DEFAULTS.posLabel;
  const zeroDivision = options.zeroDivision ?? PRF_DEFAULTS.zeroDivision;
  checkOption(average, AVERAGES, 'average', metric);
  checkBetaAndZeroDivision(beta, zeroDivision, metric);
  const { weight } = checkLabelPair(yTrue, yPred, options.sampleWeight);
  const present = uniqueLabels(yTrue, yPred);
  let labels: Float64Array;
  if (average === 'binary') {
    if (present.length > 2)
      throw new InputError(
        'invalid_option',
        `${metric}: yTrue and yPred hold ${present.length} classes (${[...present].join(', ')}) but average is 'binary'; choose 'macro', 'weighted' or 'micro'`,
        { field: 'average' },
      );
    if (present.length === 2 && !present.includes(posLabel))
      throw new InputError(
        'invalid_option',
        `${metric}: posLabel ${posLabel} is not one of the labels (${[...present].join(', ')})`,
        { field: 'posLabel' },
      );
    labels = Float64Array.of(posLabel);
  } else {
    labels = options.labels ? checkLabelList(options.labels, 'labels') : present;
  }
  let counts = classCounts(yTrue, yPred, labels, weight);
  if (average === 'micro') counts = pooled(counts);
  const s = divide(counts, beta, zeroDivision);
  if (average === 'weighted') return weightedMean(s, counts, zeroDivision);
  return { precision: mean(s.precision), recall: mean(s.recall), fscore: mean(s.fscore) };
}

function checkBetaAndZeroDivision(beta: number, zeroDivision: number, metric: string): void {
  if (!(beta >= 0))
    throw new InputError('invalid_option', `${metric}: beta must be >= 0, got ${beta}`, { field: 'beta' });
  checkOption(zeroDivision, [0, 1], 'zeroDivision', metric);
}

/** Counts summed over classes, for the micro average. */
function pooled(c: ClassCounts): ClassCounts {
  return {
    labels: c.labels,
    tp: Float64Array.of(sum(c.tp)),
    predSum: Float64Array.of(sum(c.predSum)),
    trueSum: Float64Array.of(sum(c.trueSum)),
  };
}

/** Per-class ratios; a zero denominator gives `zeroDivision`, as scikit-learn's `_prf_divide`. */
function divide(c: ClassCounts, beta: number, zeroDivision: number) {
  const k = c.tp.length;
  const precision = new Float64Array(k);
  const recall = new Float64Array(k);
  const fscore = new Float64Array(k);
  const beta2 = beta * beta;
  for (let j = 0; j < k; j++) {
    const p = c.predSum[j] === 0 ? zeroDivision : c.tp[j] / c.predSum[j];
    const r = c.trueSum[j] === 0 ? zeroDivision : c.tp[j] / c.trueSum[j];
    precision[j] = p;
    recall[j] = r;
    if (beta === Number.POSITIVE_INFINITY) fscore[j] = r;
    else {
      const denom = beta2 * p + r;
      // same operation order as scikit-learn, so results agree to the last bit
      fscore[j] = ((1 + beta2) * p * r) / (denom === 0 ? 1 : denom);
    }
  }
  return { precision, recall, fscore };
}

/**
 * Support-weighted mean. When no class in `labels` has a true sample, scikit-learn returns fixed
 * values rather than 0/0: the zero-division value where nothing was predicted either, else
 * precision 0, recall zeroDivision, F 0.
 */
function weightedMean(
  s: { precision: Float64Array; recall: Float64Array; fscore: Float64Array },
  c: ClassCounts,
  zeroDivision: number,
): Averaged {
  const total = sum(c.trueSum);
  if (total === 0) {
    if (sum(c.predSum) === 0) return { precision: zeroDivision, recall: zeroDivision, fscore: zeroDivision };
    return { precision: 0, recall: zeroDivision, fscore: 0 };
  }
  const w = c.trueSum;
  return {
    precision: dot(s.precision, w) / total,
    recall: dot(s.recall, w) / total,
    fscore: dot(s.fscore, w) / total,
  };
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

function mean(a: Float64Array): number {
  return sum(a) / a.length;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
