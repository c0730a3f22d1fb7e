import { InputError } from '../util/errors.js';
import type { Estimator, EstimatorJSON } from './estimator.js';

/**
 * Saved estimators name their class by `kind`; this table turns a kind back into a class. Only
 * registered classes can be loaded, so a model file can never name arbitrary code.
 */
export interface RestorableClass {
  fromJSON(json: EstimatorJSON<unknown, unknown>): Estimator<object, unknown>;
}

const classes = new Map<string, RestorableClass>();

export function registerEstimator(kind: string, cls: RestorableClass): void {
  const known = classes.get(kind);
  if (known && known !== cls) throw new Error(`two classes registered as estimator kind '${kind}'`);
  classes.set(kind, cls);
}

export function estimatorFromJSON(json: EstimatorJSON<unknown, unknown>): Estimator<object, unknown> {
  if (!json || typeof json !== 'object' || typeof json.kind !== 'string')
    throw new InputError('bad_estimator', 'saved estimator has no kind', { field: 'kind' });
  const cls = classes.get(json.kind);
  if (!cls)
    throw new InputError(
      'unknown_estimator',
      `unknown estimator kind '${json.kind}' (known: ${[...classes.keys()].join(', ')})`,
      {
        field: 'kind',
      },
    );
  return cls.fromJSON(json);
}

export function registeredKinds(): string[] {
  return [...classes.keys()];
}
