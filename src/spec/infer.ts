import type { Column } from '../data/frame.js';
import type { MetricName } from '../evaluate/metric-names.js';
import { InputError } from '../util/errors.js';
import type { Task } from './types.js';

/**
 * Deciding the task from the target column, when cairn.yaml says `task: auto`.
 *
 * - category, boolean or text target: classification (the labels are names).
 * - number target: classification when every value is a whole number and there are few of them:
 *   at most 2 distinct values (binary 0/1, -1/1, at any size), or at most 20 distinct values that
 *   are also at most 5% of the rows, i.e. about 20 rows per class or more. Otherwise regression.
 *   So iris (0/1/2 in 150 rows), wine and breast_cancer are classification; diabetes (whole numbers,
 *   214 distinct in 442 rows), car mpg and flight delays in minutes are regression. A 1-5 rating in
 *   60 rows (5 > 3 = 5% of 60) reads as regression: set `task:` when the guess is wrong.
 * - datetime target: an InputError; predicting a date is not a task Cairn has.
 */

export const MAX_CLASSES = 20;
export const MAX_CLASS_SHARE = 0.05;

export interface TaskGuess {
  readonly task: Task;
  /** Distinct non-missing target values, for classification; undefined for regression. */
  readonly nClasses?: number;
  /** One line for `cairn init` and logs: why this task. */
  readonly reason: string;
}

export function inferTask(column: Column): Task {
  return guessTask(column).task;
}

export function guessTask(column: Column, name = 'target'): TaskGuess {
  switch (column.kind) {
    case 'category': {
      const used = new Set<number>();
      for (const code of column.values) if (code >= 0) used.add(code);
      return classes(used.size, `${name} is a category column`);
    }
    case 'boolean':
      return classes(
        distinctOf(column.values, (v) => v >= 0),
        `${name} is a boolean column`,
      );
    case 'text':
      return classes(
        distinctOf(column.values, (v) => v !== null),
        `${name} holds text labels`,
      );
    case 'datetime':
      throw new InputError(
        'bad_target',
        `${name} is a datetime column; Cairn predicts classes or numbers, not dates (use a number such as days until the event)`,
        { column: name },
      );
    case 'number':
      return guessNumberTask(column.values, name);
  }
}

function guessNumberTask(values: Float64Array, name: string): TaskGuess {
  const seen = new Set<number>();
  let rows = 0;
  let wholeNumbers = true;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    rows++;
    if (wholeNumbers && !Number.isInteger(v)) wholeNumbers = false;
    // Past the class limit the answer no longer depends on the exact count.
    if (seen.size <= MAX_CLASSES) seen.add(v);
  }
  if (rows === 0)
    throw new InputError('bad_target', `${name} has no values: every row is missing`, { column: name });
  const many = seen.size > MAX_CLASSES ? `more than ${MAX_CLASSES}` : String(seen.size);
  if (!wholeNumbers) return { task: 'regression', reason: `${name} has fractional values` };
  if (seen.size <= 2) return classes(seen.size, `${name} has ${seen.size} distinct whole numbers`);
  if (seen.size <= MAX_CLASSES && seen.size <= MAX_CLASS_SHARE * rows)
    return classes(seen.size, `${name} has ${seen.size} distinct whole numbers in ${rows} rows`);
  return {
    task: 'regression',
    reason: `${name} has ${many} distinct whole numbers in ${rows} rows (classes need <= ${MAX_CLASSES} and <= ${MAX_CLASS_SHARE * 100}% of rows)`,
  };
}

/** Whether any non-missing value has a fractional part. */
export function hasFractionalValues(values: Float64Array): boolean {
  for (const v of values) if (!Number.isNaN(v) && !Number.isInteger(v)) return true;
  return false;
}

function classes(n: number, why: string): TaskGuess {
  return { task: 'classification', nClasses: n, reason: why };
}

function distinctOf<T>(values: ArrayLike<T>, present: (v: T) => boolean): number {
  const seen = new Set<T>();
  for (let i = 0; i < values.length; i++) if (present(values[i])) seen.add(values[i]);
  return seen.size;
}

/**
 * The primary metric when cairn.yaml names none.
 * - binary (or unknown class count): roc_auc — threshold-free, so it ranks models before a decision
 *   threshold (or `costs`) is chosen.
 * - multiclass: f1_macro — every class counts equally, so a model that ignores a rare class is not
 *   rewarded the way plain accuracy would reward it on imbalanced data.
 * - regression: rmse, in the target's own units.
 */
export function defaultMetric(task: Task, nClasses?: number): MetricName {
  if (task === 'regression') return 'rmse';
  return nClasses !== undefined && nClasses > 2 ? 'f1_macro' : 'roc_auc';
}
