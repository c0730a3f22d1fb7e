/**
 * The model registry: named models with numbered versions, aliases that move atomically, model
 * URIs (`models:/churn@champion`) and promotion gated by the spec's success criteria.
 *
 *   const store = await openStore();
 *   const { version } = await registerModel(store, { name: 'churn', from: runId });
 *   await promote(store, 'churn', version.version);           // checks the criteria, moves champion
 *   const { path } = await resolveModelUri(store, 'models:/churn@champion');
 */
export type { AliasMove, ModelVersion, RegisteredModel, RegisterVersionInput } from '../track/index.js';
export {
  defaultArtifactsDir,
  formatModelUri,
  type ModelUri,
  needsStore,
  parseModelUri,
  type ResolvedModel,
  type ResolveOptions,
  resolveModelUri,
  runModelDir,
} from './model-uri.js';
export {
  DEFAULT_PROMOTION_ALIAS,
  describeFailure,
  type PromoteOptions,
  type PromotionResult,
  promote,
} from './promote.js';
export { type RegisterModelOptions, type Registration, registerModel, versionInput } from './register.js';
