import { METRIC_NAMES, METRICS, type MetricName } from '../evaluate/metric-names.js';
import type { Pos, SpecReader } from './read.js';
import { MODEL_TASK, type Spec, type Task } from './types.js';

/**
 * Checks across fields, run once every field has been read on its own: the task each field implies
 * must agree (a regression metric under `task: classification` is a mistake), and column roles must
 * agree with `target`.
 */

interface TaskHint {
  readonly task: Task;
  /** Why we believe it, as a clause: "task is regression", "metric roc_auc is a classification metric". */
  readonly why: string;
}

export function checkConsistency(r: SpecReader, spec: Spec): void {
  const hint = taskHint(spec);
  if (hint) checkTask(r, spec, hint);
  checkRoles(r, spec);
}

/** The task the spec states or implies, from the most explicit source: task, metric, model, success. */
function taskHint(spec: Spec): TaskHint | undefined {
  if (spec.task !== 'auto') return { task: spec.task, why: `task is ${spec.task}` };
  if (spec.metric) {
    const task = METRICS[spec.metric].task;
    return { task, why: `metric ${spec.metric} is a ${task} metric` };
  }
  if (spec.model.name !== 'auto') {
    const task = MODEL_TASK[spec.model.name];
    return { task, why: `model ${spec.model.name} is a ${task} model` };
  }
  const first = spec.success[0];
  if (first) {
    const task = METRICS[first.metric].task;
    return { task, why: `success.0 uses ${first.metric}, a ${task} metric` };
  }
  return undefined;
}

function checkTask(r: SpecReader, spec: Spec, hint: TaskHint): void {
  const at = (field: string): Pos => locate(r, field);
  const metricFits = (m: MetricName, field: string) => {
    const task = METRICS[m].task;
    if (task === hint.task) return;
    const fitting = METRIC_NAMES.filter((n) => METRICS[n].task === hint.task).join(', ');
    r.fail(
      at(field),
      field,
      `${field} ${m} is a ${task} metric, but ${hint.why}; ${hint.task} metrics: ${fitting}`,
    );
  };
  if (spec.metric) metricFits(spec.metric, 'metric');
  spec.success.forEach((c, i) => {
    metricFits(c.metric, `success.${i}`);
  });
  if (spec.model.name !== 'auto' && MODEL_TASK[spec.model.name] !== hint.task) {
    const fitting = Object.entries(MODEL_TASK)
      .filter(([, t]) => t === hint.task)
      .map(([n]) => n);
    r.fail(
      at('model.name'),
      'model.name',
      `model.name ${spec.model.name} is a ${MODEL_TASK[spec.model.name]} model, but ${hint.why}; use ${[...fitting, 'auto'].join(', ')}`,
    );
  }
  if (hint.task === 'regression') {
    if (spec.split.stratify === true)
      r.fail(
        at('split.stratify'),
        'split.stratify',
        `split.stratify is true, but ${hint.why}; stratifying needs classes: use false or auto`,
      );
    if (spec.costs)
      r.fail(
        at('costs'),
        'costs',
        `costs (false_positive, false_negative) apply to classification, but ${hint.why}`,
      );
  }
}

function checkRoles(r: SpecReader, spec: Spec): void {
  const columns = spec.data.columns;
  const targetRole = columns[spec.target]?.role;
  if (targetRole !== undefined && targetRole !== 'target') {
    const field = `data.columns.${spec.target}.role`;
    r.fail(
      locate(r, field),
      field,
      `${field} is ${targetRole}, but ${spec.target} is the target; remove the role or change target`,
    );
  }
  let weight: string | undefined;
  for (const [name, o] of Object.entries(columns)) {
    const field = `data.columns.${name}.role`;
    if (o.role === 'target' && name !== spec.target)
      r.fail(
        locate(r, field),
        field,
        `${field} is target, but target is ${spec.target}; only the target column has role target`,
      );
    if (o.role === 'weight') {
      if (weight !== undefined)
        r.fail(
          locate(r, field),
          field,
          `${field}: only one column can be the weight, and ${weight} already is`,
        );
      weight ??= name;
    }
  }
}

/** Where a field was read, or the nearest enclosing field that was. */
export function locate(r: { positions: ReadonlyMap<string, Pos> }, field: string): Pos {
  let f = field;
  for (;;) {
    const p = r.positions.get(f);
    if (p) return p;
    const dot = f.lastIndexOf('.');
    if (dot < 0) return { line: 1, col: 1 };
    f = f.slice(0, dot);
  }
}
