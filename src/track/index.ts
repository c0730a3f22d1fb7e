/**
 * Experiment tracking: experiments, runs, params, step-wise metrics, tags and artifact references
 * in one typed `Store`, opened by URI.
 *
 *   const store = await openStore();   // .cairn/cairn.db
 *   const { run } = await trackRun(store, { experiment: 'churn', params },
 *     (t) => model.fit(X, y, { onEvent: t.onEvent }));
 */
export type { ArtifactRef, Experiment, MetricPoint, Run, RunStatus } from './entities.js';
export { RUN_STATUSES, TERMINAL_STATUSES } from './entities.js';
export { gitCommit } from './git.js';
export { KyselyStore } from './kysely-store/kysely-store.js';
export { type MigrateOptions, migrate } from './kysely-store/migrate.js';
export { type SqliteOptions, sqliteDialect } from './kysely-store/sqlite-dialect.js';
export type { TrackDatabase } from './kysely-store/tables.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export {
  DEFAULT_STORE_PATH,
  type OpenStoreOptions,
  openStore,
  parseStoreUri,
  redactUri,
  type StoreTarget,
  SUPPORTED_SCHEMES,
} from './open-store.js';
export type { ModelVersion, RegisteredModel } from './registry-entities.js';
export type {
  AliasMove,
  CreateRunInput,
  ExperimentRef,
  ListRunsQuery,
  LogBatch,
  MetricInput,
  ParamValue,
  RegisterVersionInput,
  RunOrder,
  Store,
} from './store.js';
export { StoreBase } from './store.js';
export { TRACKER_DEFAULTS, Tracker, type TrackerOptions, trackRun } from './tracker.js';
