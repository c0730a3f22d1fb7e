/**
 * ROC curves, as scikit-learn 1.2's `roc_curve` (and the `_binary_clf_curve` beneath it): one
 * point per distinct score, collinear points dropped on request, and a first point at (0, 0) whose
 * threshold is the highest score + 1.
 */
import { InputError } from '../../util/errors.js';
import { argsortDescending } from './argsort.js';
import { uniqueLabels } from './labels.js';
import {
  checkFinite,
  checkLabels,
  checkNotEmpty,
  checkSameLength,
  checkWeights,
  type Labels,
  type Values,
  type Weights,
} from './validate.js';

export interface RocCurveOptions {
  /**
   * The positive class. May be left out only when yTrue's labels are {0, 1} or {-1, 1} (or one of
   * them), as scikit-learn requires; then it is 1.
   */
  posLabel?: number;
  sampleWeight?: Weights;
  /** Drop points collinear with their neighbours: they do not change the plot or the area. */
  dropIntermediate?: boolean;
}

export const ROC_CURVE_DEFAULTS = { dropIntermediate: true } as const satisfies RocCurveOptions;

export interface RocCurve {
  /** False positive rate at each threshold, increasing from 0 to 1. */
  readonly fpr: Float64Array;
  /** True positive rate at each threshold, increasing from 0 to 1. */
  readonly tpr: Float64Array;
  /** Decreasing: a sample is predicted positive when its score >= the threshold. */
  readonly thresholds: Float64Array;
}

/** Cumulative (weighted) false and true positives at each distinct score, highest first. */
export interface ClassifierCurve {
  readonly fps: Float64Array;
  readonly tps: Float64Array;
  readonly thresholds: Float64Array;
}

export function rocCurve(yTrue: Labels, scores: Values, options: RocCurveOptions = {}): RocCurve {
  const dropIntermediate = options.dropIntermediate ?? ROC_CURVE_DEFAULTS.dropIntermediate;
  const n = yTrue.length;
  checkNotEmpty(n, 'yTrue');
  checkSameLength(n, scores, 'scores');
  checkLabels(yTrue, 'yTrue');
  const s = checkFinite(scores, 'scores');
  const weight = checkWeights(options.sampleWeight, n);
  const posLabel = options.posLabel ?? defaultPosLabel(yTrue);
  const positive = new Uint8Array(n);
  for (let i = 0; i < n; i++) positive[i] = yTrue[i] === posLabel ? 1 : 0;
  return rocFromCurve(classifierCurve(positive, s, weight), dropIntermediate);
}

/** scikit-learn's rule: without posLabel, labels must be {0,1} or {-1,1} (or a subset of one). */
function defaultPosLabel(yTrue: Labels): number {
  const classes = [...uniqueLabels(yTrue)].join(',');
  if (['0,1', '-1,1', '0', '-1', '1'].includes(classes)) return 1;
  throw new InputError(
    'invalid_option',
    `rocCurve: yTrue holds labels {${classes}}: give posLabel, the class that the scores rank high`,
    { field: 'posLabel' },
  );
}

/**
 * Counts at each distinct threshold. Zero-weight samples are dropped first: they must not add
 * thresholds. `positive[i]` is 1 for a positive sample.
 */
export function classifierCurve(
  positive: Uint8Array,
  scores: Float64Array,
  weight: Float64Array | undefined,
): ClassifierCurve {
  if (weight?.includes(0)) {
    const keep: number[] = [];
    for (let i = 0; i < weight.length; i++) if (weight[i] !== 0) keep.push(i);
    positive = Uint8Array.from(keep, (i) => positive[i]);
    scores = Float64Array.from(keep, (i) => scores[i]);
    weight = Float64Array.from(keep, (i) => weight![i]);
  }
  const n = scores.length;
  const order = argsortDescending(scores);
  // gather once into sorted order so the passes below read memory sequentially
  const sorted = new Float64Array(n);
  for (let r = 0; r < n; r++) sorted[r] = scores[order[r]];
  let distinct = 0;
  for (let r = 0; r < n; r++) if (r === n - 1 || sorted[r] !== sorted[r + 1]) distinct++;
  const fps = new Float64Array(distinct);
  const tps = new Float64Array(distinct);
  const thresholds = new Float64Array(distinct);
  let tp = 0;
  let fp = 0;
  for (let r = 0, o = 0; r < n; r++) {
    const i = order[r];
    if (weight) {
      if (positive[i]) tp += weight[i];
      else fp += weight[i];
    } else if (positive[i]) tp++;
    if (r === n - 1 || sorted[r] !== sorted[r + 1]) {
      tps[o] = tp;
      fps[o] = weight ? fp : r + 1 - tp;
      thresholds[o] = sorted[r];
      o++;
    }
  }
  return { fps, tps, thresholds };
}

/** Rates from counts; refuses a curve without positives or negatives (scikit-learn gives NaN rates). */
export function rocFromCurve(curve: ClassifierCurve, dropIntermediate: boolean): RocCurve {
  const { fps, tps, thresholds } = curve;
  const m = fps.length;
  const negatives = m > 0 ? fps[m - 1] : 0;
  const positives = m > 0 ? tps[m - 1] : 0;
  if (!(negatives > 0 && positives > 0))
    throw new InputError(
      'undefined_metric',
      `yTrue has only ${positives > 0 ? 'positive' : 'negative'} samples (with non-zero weight): a ROC curve needs both classes`,
      { field: 'yTrue' },
    );
  const keep = dropIntermediate && m > 2 ? cornerIndices(fps, tps) : undefined;
  const k = keep ? keep.length : m;
  const fpr = new Float64Array(k + 1);
  const tpr = new Float64Array(k + 1);
  const thr = new Float64Array(k + 1);
  thr[0] = thresholds[0] + 1;
  for (let j = 0; j < k; j++) {
    const at = keep ? keep[j] : j;
    fpr[j + 1] = fps[at] / negatives;
    tpr[j + 1] = tps[at] / positives;
    thr[j + 1] = thresholds[at];
  }
  return { fpr, tpr, thresholds: thr };
}

/**
 * Endpoints, plus every point where either count's second difference is non-zero (a corner),
 * computed as numpy's `np.diff(x, 2)` does so that the same points survive.
 */
function cornerIndices(fps: Float64Array, tps: Float64Array): Int32Array {
  const m = fps.length;
  const keep = new Int32Array(m);
  let k = 0;
  keep[k++] = 0;
  for (let i = 1; i < m - 1; i++) {
    const df = fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]);
    const dt = tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]);
    if (df !== 0 || dt !== 0) keep[k++] = i;
  }
  keep[k++] = m - 1;
  return keep.subarray(0, k);
}
