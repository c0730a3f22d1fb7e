import type { Frame } from '../data/frame.js';
import { KFold } from '../data/splits/kfold.js';
import { isSplitter, type Splitter } from '../data/splits/splitter.js';
import { StratifiedKFold } from '../data/splits/stratified-kfold.js';
import { METRICS, type MetricName } from '../evaluate/metric-names.js';
import { computeMetric, defaultMetrics, type MetricInput } from '../evaluate/metrics/registry.js';
import type { Pipeline } from '../prep/pipeline.js';
import { InputError } from '../util/errors.js';
import { noEvent, type OnEvent } from '../util/events.js';

export interface CrossValidateOptions {
  /**
   * The splitter, or a fold count. Default 5: like scikit-learn, a count means StratifiedKFold for
   * a classifier (the final step has predictProba) and KFold otherwise, both without shuffling.
   */
  cv?: Splitter | number;
  /** Metrics scored on each test fold. Default: the task's standard set (`defaultMetrics`). */
  metrics?: readonly MetricName[];
  /** Groups for a GroupKFold splitter, one per row. */
  groups?: ArrayLike<number | string | null>;
  /** Per-row weights, split with the rows and passed to fit (not to the metrics). */
  sampleWeight?: Float64Array;
  /** Also score each fold's training rows. Default false. */
  trainScores?: boolean;
  /** Progress: a `cv` phase with one step per fold, carrying the fold's test metrics. */
  onEvent?: OnEvent;
}

export interface FoldResult {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  /** Metrics on the fold's test rows; NaN where a metric is undefined there (one class only). */
  readonly metrics: Record<string, number>;
  readonly trainMetrics?: Record<string, number>;
  readonly fitSeconds: number;
  readonly scoreSeconds: number;
}

export interface CrossValidateResult {
  /** The splitter as plain data (kind and options). */
  readonly cv: Record<string, unknown>;
  readonly folds: readonly FoldResult[];
  /** Mean and population standard deviation of each metric over the folds. */
  readonly mean: Record<string, number>;
  readonly std: Record<string, number>;
}

/**
 * Scores a pipeline by cross-validation: for every fold, a fresh clone of the whole pipeline
 * (every transformer and the model) is fitted on the fold's training rows only and scored on its
 * test rows, so no step ever learns from rows it is scored on. Folds run one after another.
 * `y` holds regression targets or class codes, as Pipeline.fit takes them.
 */
export function crossValidate(
  pipeline: Pipeline,
  frame: Frame,
  y: Float64Array,
  opts: CrossValidateOptions = {},
): CrossValidateResult {
  if (y.length !== frame.nRows)
    throw new InputError(
      'length_mismatch',
      `crossValidate: frame has ${frame.nRows} rows but y has ${y.length}`,
    );
  if (opts.sampleWeight && opts.sampleWeight.length !== frame.nRows)
    throw new InputError(
      'length_mismatch',
      `crossValidate: sampleWeight has ${opts.sampleWeight.length} values for ${frame.nRows} rows`,
      {
        field: 'sampleWeight',
      },
    );
  const classifier = pipeline.isClassifier;
  const cv = splitterOf(opts.cv ?? 5, classifier);
  const metrics =
    opts.metrics ?? defaultMetrics(classifier ? 'classification' : 'regression', new Set(y).size);
  for (const m of metrics)
    if (METRICS[m].task !== (classifier ? 'classification' : 'regression'))
      throw new InputError(
        'metric_task_mismatch',
        `crossValidate: metric ${m} is for ${METRICS[m].task}, but the pipeline ends in a ${classifier ? 'classifier' : 'regressor'}`,
        { field: 'metrics' },
      );
  const onEvent = opts.onEvent ?? noEvent;
  const splits = cv.split(frame.nRows, { y, groups: opts.groups });
  onEvent({ type: 'start', phase: 'cv', total: splits.length });
  const folds: FoldResult[] = splits.map((split, fold) => {
    const model = pipeline.clone();
    const t0 = performance.now();
    model.fit(frame.take(split.train), pick(y, split.train), {
      ...(opts.sampleWeight ? { sampleWeight: pick(opts.sampleWeight, split.train) } : {}),
    });
    const t1 = performance.now();
    const scores = score(model, frame.take(split.test), pick(y, split.test), metrics);
    const t2 = performance.now();
    const trainMetrics = opts.trainScores
      ? score(model, frame.take(split.train), pick(y, split.train), metrics)
      : undefined;
    onEvent({ type: 'step', phase: 'cv', step: fold + 1, total: splits.length, metrics: scores });
    return {
      fold,
      trainRows: split.train.length,
      testRows: split.test.length,
      metrics: scores,
      ...(trainMetrics ? { trainMetrics } : {}),
      fitSeconds: (t1 - t0) / 1000,
      scoreSeconds: (t2 - t1) / 1000,
    };
  });
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  for (const m of metrics) {
    const v = folds.map((f) => f.metrics[m]);
    mean[m] = v.reduce((a, b) => a + b, 0) / v.length;
    std[m] = Math.sqrt(v.reduce((a, b) => a + (b - mean[m]) ** 2, 0) / v.length);
  }
  onEvent({ type: 'end', phase: 'cv', metrics: mean });
  return { cv: cv.describe(), folds, mean, std };
}

function splitterOf(cv: Splitter | number, classifier: boolean): Splitter {
  if (isSplitter(cv)) return cv;
  if (typeof cv !== 'number')
    throw new InputError('invalid_split', 'crossValidate: cv must be a fold count or a splitter', {
      field: 'cv',
    });
  return classifier ? new StratifiedKFold({ nSplits: cv }) : new KFold({ nSplits: cv });
}

function score(
  model: Pipeline,
  frame: Frame,
  y: Float64Array,
  metrics: readonly MetricName[],
): Record<string, number> {
  const input: MetricInput = model.isClassifier
    ? { yTrue: y, yPred: model.predict(frame), scores: model.predictProba(frame), classes: model.classes }
    : { yTrue: y, yPred: model.predict(frame) };
  const out: Record<string, number> = {};
  for (const m of metrics) {
    try {
      out[m] = computeMetric(m, input);
    } catch (e) {
      if (e instanceof InputError && e.code === 'undefined_metric') out[m] = Number.NaN;
      else throw e;
    }
  }
  return out;
}

function pick(v: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = v[idx[i]];
  return out;
}
