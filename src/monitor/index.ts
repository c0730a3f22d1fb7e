/**
 * Monitoring: drift of current traffic against the reference profile saved with every model,
 * prediction drift, and the model's quality over time where ground truth exists. See README.md
 * for the rules and thresholds.
 */
export * from './drift/index.js';
export {
  chooseMethod,
  DEFAULT_DRIFT_SHARE,
  DRIFT_METHOD_NAMES,
  DRIFT_METHODS,
  type DriftKind,
  type DriftMethod,
  type DriftMethodInfo,
  type SampleFacts,
  SMALL_SAMPLE,
} from './drift-methods.js';
export {
  columnDriftMetric,
  DEFAULT_THRESHOLDS,
  type DriftOptions,
  datasetDriftMetric,
  predictionDriftMetric,
} from './drift-metrics.js';
export type { MetricParam, MonitorCurrent, MonitorMetric, MonitorReference } from './metric.js';
export { type CurrentData, type MonitorOptions, monitorModel } from './monitor-model.js';
export { PERIOD_MS, type Period, resolvePeriod } from './period.js';
export { qualityMetric } from './quality-metric.js';
export {
  buildReferenceProfile,
  type CategoryProfile,
  type FeatureProfile,
  type NumberProfile,
  QUANTILE_LEVELS,
  type ReferenceProfile,
  SAMPLE_SIZE,
} from './reference-profile.js';
export { byDrift, driftSeverity } from './severity.js';
export type {
  ColumnDistribution,
  ColumnDriftResult,
  DatasetDriftResult,
  MonitorSnapshot,
  QualityBucket,
  QualityResult,
  SnapshotModel,
  SnapshotOptions,
  SnapshotWindow,
} from './snapshot.js';
export { OTHER_LABEL } from './snapshot.js';
