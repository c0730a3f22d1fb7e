/**
 * Serving: `serve(uris, options)` resolves, loads and listens; `createServer(models, options)`
 * builds the Fastify app for models already loaded (tests use `app.inject`).
 */
export { type AliasWatcher, watchAliases } from './alias-watcher.js';
export { directorySource } from './directory-source.js';
export { type ErrorBody, toHttpFailure } from './http-errors.js';
export { ServerMetrics } from './metrics.js';
export { hasMoved, type ModelLocation, type ModelSource } from './model-source.js';
export {
  discardSink,
  memorySink,
  type PredictionRecord,
  type PredictionSink,
  predictionLogSink,
} from './prediction-sink.js';
export { registrySource } from './registry-source.js';
export { DEFAULT_PORT, type RunningServer, type ServeOptions, serve } from './serve.js';
export { ServedModels } from './served-models.js';
export { type ServedVersion, servedVersion } from './served-version.js';
export {
  type CairnServer,
  createServer,
  SERVER_DEFAULTS,
  type ServableModel,
  type ServerOptions,
} from './server.js';
export { lineLog, type ServerLog, silentLog } from './server-log.js';
export { cellSchema, predictBodySchema, rowSchema } from './signature-schema.js';
