import { LinearRegression, LogisticRegression, Ridge } from '../models/linear/index.js';
import type { ModelFamily } from '../prep/auto-preprocess.js';
import type { FinalEstimator } from '../prep/pipeline.js';
import { MODEL_NAMES, MODEL_TASK, type ModelName, type Task } from '../spec/types.js';
import { InputError } from '../util/errors.js';

export type { Task };

/** A model the CLI and cairn.yaml can name. */
export interface CatalogEntry {
  readonly name: Exclude<ModelName, 'auto'>;
  readonly task: Task;
  /** Decides the automatic preprocessing (linear models get scaling and one-hot). */
  readonly family: ModelFamily;
  readonly description: string;
  make(params: Record<string, unknown>): FinalEstimator;
}

type EntryBody = Omit<CatalogEntry, 'name' | 'task'>;

/**
 * The class behind each model name of cairn.yaml. Names and tasks come from the spec
 * (src/spec/types.ts: MODEL_NAMES, MODEL_TASK), so the spec and the catalog cannot disagree: a
 * name added there fails to compile here until it has a class.
 */
const ENTRIES: Record<Exclude<ModelName, 'auto'>, EntryBody> = {
  linear: {
    family: 'linear',
    description: 'ordinary least squares (LinearRegression)',
    make: (p) => new LinearRegression(p),
  },
  ridge: {
    family: 'linear',
    description: 'least squares with an L2 penalty (Ridge)',
    make: (p) => new Ridge(p),
  },
  logistic: {
    family: 'linear',
    description: 'L2-penalized logistic regression, binary or multinomial (LogisticRegression)',
    make: (p) => new LogisticRegression(p),
  },
};

export const MODEL_CATALOG: readonly CatalogEntry[] = (
  Object.entries(ENTRIES) as [Exclude<ModelName, 'auto'>, EntryBody][]
).map(([name, body]) => ({ name, task: MODEL_TASK[name], ...body }));

export { MODEL_NAMES };

/** The catalog entry for a name and task; 'auto' picks the default model for the task. */
export function chooseModel(name: string, task: Task): CatalogEntry {
  const wanted = name === 'auto' ? (task === 'classification' ? 'logistic' : 'ridge') : name;
  const entry = MODEL_CATALOG.find((m) => m.name === wanted);
  if (!entry)
    throw new InputError('unknown_model', `unknown model '${name}' (known: ${MODEL_NAMES.join(', ')})`, {
      field: 'model',
    });
  if (entry.task !== task)
    throw new InputError(
      'model_task_mismatch',
      `model '${name}' is for ${entry.task}, but the task is ${task}`,
      { field: 'model' },
    );
  return entry;
}
