/** Cairn's library surface: a curated list, grown as each part lands. */
export { type Cell, type Column, type ColumnKind, col, Frame } from './data/frame.js';
export { fromRows, type Matrix, matrix } from './data/matrix.js';
export { type ColumnRole, type ColumnSchema, type Schema, schemaOf } from './data/schema.js';
export {
  type Classifier,
  Estimator,
  type EstimatorJSON,
  type FitOptions,
  type Regressor,
} from './models/estimator.js';
export { CairnError, InputError, NotFittedError, ParamError } from './util/errors.js';
export type { OnEvent, TrainEvent } from './util/events.js';
export { Rng } from './util/random.js';
