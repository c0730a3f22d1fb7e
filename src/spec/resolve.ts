import type { Column } from '../data/frame.js';
import { METRIC_NAMES, METRICS, type MetricName } from '../evaluate/metric-names.js';
import { defaultMetric, guessTask, hasFractionalValues } from './infer.js';
import { specError } from './locations.js';
import { MODEL_TASK, type Spec, type Task } from './types.js';

/**
 * The problem once the target column is at hand: `task: auto`, the default metric and
 * `stratify: auto` made concrete, and what only the data can refute checked (a regression metric on
 * a class target, `f1` with three classes). Errors point at the spec line that asked for it.
 */
export interface ResolvedProblem {
  readonly task: Task;
  readonly metric: MetricName;
  readonly stratify: boolean;
  /** Distinct target values, for classification. */
  readonly nClasses?: number;
  /** Why this task, in one line ("task set in cairn.yaml", or the inference's reason). */
  readonly reason: string;
}

/** Metrics defined for two classes only; their macro/weighted forms serve multiclass. */
const BINARY_ONLY: ReadonlySet<MetricName> = new Set(['precision', 'recall', 'f1']);

export function resolveProblem(spec: Spec, target: Column): ResolvedProblem {
  const guess = guessTask(target, spec.target);
  let task: Task;
  let reason: string;
  if (spec.task === 'auto') {
    task = guess.task;
    reason = guess.reason;
  } else {
    task = spec.task;
    reason = 'task set in cairn.yaml';
    // A label is a class name or a whole number; fractional values cannot be classes.
    if (task === 'classification' && target.kind === 'number' && hasFractionalValues(target.values))
      throw specError(spec, 'task', `task is classification, but ${guess.reason}; use task: regression`);
    if (task === 'regression' && target.kind !== 'number')
      throw specError(
        spec,
        'task',
        `task is regression, but ${spec.target} is a ${target.kind} column; regression needs a number target`,
      );
  }
  const nClasses = task === 'classification' ? guess.nClasses : undefined;
  const because =
    spec.task === 'auto' ? `${spec.target} looks like ${task} (${guess.reason})` : `task is ${task}`;

  const checkMetric = (m: MetricName, field: string) => {
    if (METRICS[m].task !== task) {
      const fitting = METRIC_NAMES.filter((n) => METRICS[n].task === task).join(', ');
      throw specError(
        spec,
        field,
        `${field} ${m} is a ${METRICS[m].task} metric, but ${because}; use one of ${fitting}, or set task:`,
      );
    }
    if (nClasses !== undefined && nClasses > 2 && BINARY_ONLY.has(m))
      throw specError(
        spec,
        field,
        `${field} ${m} needs two classes, but ${spec.target} has ${nClasses}; use ${m}_macro or ${m}_weighted`,
      );
  };
  if (spec.metric) checkMetric(spec.metric, 'metric');
  spec.success.forEach((c, i) => {
    checkMetric(c.metric, `success.${i}`);
  });
  if (spec.model.name !== 'auto' && MODEL_TASK[spec.model.name] !== task)
    throw specError(
      spec,
      'model.name',
      `model.name ${spec.model.name} is a ${MODEL_TASK[spec.model.name]} model, but ${because}`,
    );
  if (spec.split.stratify === true && task === 'regression')
    throw specError(
      spec,
      'split.stratify',
      `split.stratify is true, but ${because}; stratifying needs classes`,
    );
  if (spec.costs && (task !== 'classification' || (nClasses ?? 2) > 2))
    throw specError(
      spec,
      'costs',
      `costs apply to two-class problems, but ${task === 'regression' ? because : `${spec.target} has ${nClasses} classes`}`,
    );

  return {
    task,
    metric: spec.metric ?? defaultMetric(task, nClasses),
    stratify: spec.split.stratify === 'auto' ? task === 'classification' : spec.split.stratify,
    ...(nClasses !== undefined ? { nClasses } : {}),
    reason,
  };
}
