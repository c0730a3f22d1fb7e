/** The problem spec, cairn.yaml: its types, parsing with located errors, success criteria, task inference. */
export {
  type CriterionResult,
  checkCriteria,
  compare,
  formatCriterion,
  parseCriterion,
} from './criteria.js';
export {
  defaultMetric,
  guessTask,
  inferTask,
  MAX_CLASS_SHARE,
  MAX_CLASSES,
  type TaskGuess,
} from './infer.js';
export { loadSpec } from './load.js';
export { specError, specPosition, specSource } from './locations.js';
export { parseSpec, SPEC_KEYS } from './parse.js';
export type { Pos } from './read.js';
export { type RenderSpecOptions, renderSpec } from './render.js';
export { type ResolvedProblem, resolveProblem } from './resolve.js';
export { didYouMean, editDistance } from './suggest.js';
export * from './types.js';
