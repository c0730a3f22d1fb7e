/**
 * Metrics by name (the names of ../metric-names.ts): one entry point for the CLI, reports and model
 * selection, and the standard set per task.
 */
import type { Matrix } from '../../data/matrix.js';
import { InputError } from '../../util/errors.js';
import { METRICS, type MetricName } from '../metric-names.js';
import { accuracy, balancedAccuracy } from './accuracy.js';
import { checkLabelList, encodeLabels, uniqueLabels } from './labels.js';
import { logLoss } from './log-loss.js';
import { type Average, f1, precision, recall } from './precision-recall.js';
import { mae, mse, r2, rmse } from './regression.js';
import { rocAuc } from './roc-auc.js';
import { isMatrix } from './scores.js';
import type { Labels, Weights } from './validate.js';

/** `classification` picks the binary or multiclass set from the number of classes. */
export type MetricTask = 'classification' | 'binary' | 'multiclass' | 'regression';

export interface MetricInput {
  /** True class labels (integer codes) or regression targets. */
  readonly yTrue: Labels;
  /**
   * Predicted labels or values. For classification it may be left out when `scores` is given: the
   * class with the highest probability is taken (the first on ties; for a vector, P > 0.5).
   */
  readonly yPred?: Labels;
  /** Class probabilities: one column per class of `classes`, or for binary a vector of P(classes[1]). */
  readonly scores?: Matrix | Float64Array;
  /**
   * The model's classes, in score-column order. Default: yTrue's labels sorted (with yPred's too
   * when there are no scores). Rows whose true label is not a class count as errors in label
   * metrics and are left out of score metrics, which say nothing about an unknown class.
   */
  readonly classes?: Labels;
  readonly sampleWeight?: Weights;
}

/** The standard metrics reported for a task, primary-metric candidates first. */
export function defaultMetrics(task: MetricTask, nClasses = 2): MetricName[] {
  if (task === 'regression') return ['rmse', 'mae', 'r2', 'mse'];
  if (task === 'multiclass' || (task === 'classification' && nClasses > 2))
    return [
      'accuracy',
      'balanced_accuracy',
      'f1_macro',
      'f1_weighted',
      'precision_macro',
      'recall_macro',
      'roc_auc',
      'log_loss',
    ];
  return ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'];
}

/**
 * One metric by name. Label metrics named without an average (`precision`, `recall`, `f1`) score
 * the positive class (`classes[1]`, else label 1) for two classes, and are macro-averaged for more:
 * one name then serves a spec whatever the class count, and macro weighs every class alike as the
 * positive class alone would. Errors where a metric is undefined (ROC AUC with one class present)
 * are InputErrors with code 'undefined_metric'.
 */
export function computeMetric(name: MetricName, input: MetricInput): number {
  const compute = COMPUTE[name];
  if (!compute)
    throw new InputError('unknown_metric', `unknown metric '${String(name)}'`, { field: 'metric', name });
  return compute(new Context(input));
}

export interface ScoreAllOptions {
  /** A metric undefined on this data (e.g. ROC AUC when the test set holds one class): NaN or throw. */
  onUndefined?: 'nan' | 'throw';
}

/**
 * The task's standard metrics (`defaultMetrics`) on one set of predictions. Score metrics are left
 * out when no scores are given (a model without probabilities); an undefined metric is NaN unless
 * `onUndefined: 'throw'`.
 */
export function scoreAll(
  task: MetricTask,
  input: MetricInput,
  options: ScoreAllOptions = {},
): Record<string, number> {
  const ctx = new Context(input);
  if (task !== 'regression' && !input.yPred && !input.scores)
    throw new InputError('missing_predictions', 'scoreAll: give yPred, scores, or both', { field: 'yPred' });
  if (task === 'regression' && !input.yPred)
    throw new InputError('missing_predictions', 'scoreAll: regression metrics need yPred', {
      field: 'yPred',
    });
  const names = defaultMetrics(task, task === 'classification' ? ctx.classCount() : 2);
  const out: Record<string, number> = {};
  for (const name of names) {
    if (METRICS[name].needs === 'scores' && !input.scores) continue;
    try {
      out[name] = COMPUTE[name](ctx);
    } catch (e) {
      if (options.onUndefined !== 'throw' && e instanceof InputError && e.code === 'undefined_metric')
        out[name] = Number.NaN;
      else throw e;
    }
  }
  return out;
}

/** What the metric functions need from an input, derived once and shared across metrics. */
class Context {
  readonly input: MetricInput;
  #classes?: Float64Array;
  #yPred?: Labels;

  constructor(input: MetricInput) {
    this.input = input;
  }

  get sampleWeight(): Weights | undefined {
    return this.input.sampleWeight;
  }

  classes(): Float64Array {
    if (this.#classes) return this.#classes;
    const { classes, scores, yTrue, yPred } = this.input;
    this.#classes = classes
      ? checkLabelList(classes, 'classes')
      : scores || !yPred
        ? uniqueLabels(yTrue)
        : uniqueLabels(yTrue, yPred);
    return this.#classes;
  }

  classCount(): number {
    const s = this.input.scores;
    if (!this.input.classes && s && isMatrix(s) && s.cols > 2) return s.cols;
    return this.classes().length;
  }

  multiclass(): boolean {
    return this.classCount() > 2;
  }

  /** The positive class of a two-class problem. */
  posLabel(): number {
    const c = this.classes();
    return c.length === 2 ? c[1] : 1;
  }

  yPred(): Labels {
    if (this.#yPred) return this.#yPred;
    if (this.input.yPred) return (this.#yPred = this.input.yPred);
    const s = this.input.scores;
    if (!s)
      throw new InputError('missing_predictions', 'label metrics need yPred or scores', { field: 'yPred' });
    this.#yPred = argmaxLabels(s, this.classes());
    return this.#yPred;
  }

  /** yTrue, scores and weights restricted to rows whose true label is a known class. */
  scored(): { yTrue: Labels; scores: Matrix | Float64Array; sampleWeight?: Weights; classes?: Labels } {
    const { yTrue, scores, sampleWeight, classes } = this.input;
    if (!scores)
      throw new InputError('missing_scores', 'this metric needs scores (class probabilities)', {
        field: 'scores',
      });
    if (!classes) return { yTrue, scores, sampleWeight };
    const known = encodeLabels(yTrue, this.classes());
    if (!known.includes(-1)) return { yTrue, scores, sampleWeight, classes };
    const keep: number[] = [];
    for (let i = 0; i < known.length; i++) if (known[i] >= 0) keep.push(i);
    return {
      yTrue: Float64Array.from(keep, (i) => yTrue[i]),
      scores: takeScoreRows(scores, keep),
      sampleWeight: sampleWeight && Float64Array.from(keep, (i) => sampleWeight[i]),
      classes,
    };
  }
}

function argmaxLabels(scores: Matrix | Float64Array, classes: Float64Array): Float64Array {
  if (!isMatrix(scores) || scores.cols === 1) {
    const p = isMatrix(scores) ? scores.data : scores;
    if (classes.length !== 2)
      throw new InputError(
        'invalid_scores',
        `a score vector describes two classes, but there are ${classes.length}`,
        {
          field: 'scores',
        },
      );
    return Float64Array.from(p, (v) => (v > 0.5 ? classes[1] : classes[0]));
  }
  const { rows, cols, data, layout } = scores;
  if (classes.length !== cols)
    throw new InputError(
      'invalid_scores',
      `scores has ${cols} columns but there are ${classes.length} classes`,
      {
        field: 'scores',
      },
    );
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    let bestValue = layout === 'row' ? data[i * cols] : data[i];
    for (let j = 1; j < cols; j++) {
      const v = layout === 'row' ? data[i * cols + j] : data[j * rows + i];
      if (v > bestValue) {
        best = j;
        bestValue = v;
      }
    }
    out[i] = classes[best];
  }
  return out;
}

function takeScoreRows(scores: Matrix | Float64Array, keep: number[]): Matrix | Float64Array {
  if (!isMatrix(scores)) return Float64Array.from(keep, (i) => scores[i]);
  const { cols, rows, data, layout } = scores;
  const out = new Float64Array(keep.length * cols);
  keep.forEach((i, r) => {
    for (let j = 0; j < cols; j++)
      out[r * cols + j] = layout === 'row' ? data[i * cols + j] : data[j * rows + i];
  });
  return { data: out, rows: keep.length, cols, layout: 'row' };
}

/** Label metric with an average, or the bare name's rule (positive class / macro). */
function labelMetric(fn: typeof precision, average?: Average) {
  return (c: Context): number => {
    const { yTrue, sampleWeight } = c.input;
    if (average) return fn(yTrue, c.yPred(), { average, sampleWeight });
    if (c.multiclass()) return fn(yTrue, c.yPred(), { average: 'macro', sampleWeight });
    // 'macro' over the one positive label is scikit-learn's binary score, without refusing an
    // unknown third label in yTrue (which only counts as a miss)
    return fn(yTrue, c.yPred(), { average: 'macro', labels: [c.posLabel()], sampleWeight });
  };
}

function aucMetric(average: 'macro' | 'weighted') {
  return (c: Context): number => {
    const { yTrue, scores, sampleWeight, classes } = c.scored();
    return rocAuc(yTrue, scores, { average, sampleWeight, classes });
  };
}

const COMPUTE: Record<MetricName, (c: Context) => number> = {
  accuracy: (c) => accuracy(c.input.yTrue, c.yPred(), { sampleWeight: c.sampleWeight }),
  balanced_accuracy: (c) => balancedAccuracy(c.input.yTrue, c.yPred(), { sampleWeight: c.sampleWeight }),
  precision: labelMetric(precision),
  recall: labelMetric(recall),
  f1: labelMetric(f1),
  precision_macro: labelMetric(precision, 'macro'),
  recall_macro: labelMetric(recall, 'macro'),
  f1_macro: labelMetric(f1, 'macro'),
  precision_weighted: labelMetric(precision, 'weighted'),
  recall_weighted: labelMetric(recall, 'weighted'),
  f1_weighted: labelMetric(f1, 'weighted'),
  roc_auc: aucMetric('macro'),
  roc_auc_ovr_weighted: aucMetric('weighted'),
  log_loss: (c) => {
    const { yTrue, scores, sampleWeight, classes } = c.scored();
    return logLoss(yTrue, scores, { sampleWeight, labels: classes });
  },
  rmse: (c) => rmse(c.input.yTrue, needPred(c), { sampleWeight: c.sampleWeight }),
  mse: (c) => mse(c.input.yTrue, needPred(c), { sampleWeight: c.sampleWeight }),
  mae: (c) => mae(c.input.yTrue, needPred(c), { sampleWeight: c.sampleWeight }),
  r2: (c) => r2(c.input.yTrue, needPred(c), { sampleWeight: c.sampleWeight }),
};

function needPred(c: Context): Labels {
  if (!c.input.yPred)
    throw new InputError('missing_predictions', 'regression metrics need yPred', { field: 'yPred' });
  return c.input.yPred;
}
