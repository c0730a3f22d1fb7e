/**
 * Evaluation metrics on typed arrays, matching scikit-learn 1.2.1 (see fixtures/make_fixtures.py).
 * Browser-safe: no Node-only imports.
 */
export {
  ACCURACY_DEFAULTS,
  type AccuracyOptions,
  accuracy,
  BALANCED_ACCURACY_DEFAULTS,
  type BalancedAccuracyOptions,
  balancedAccuracy,
} from './accuracy.js';
export { argsortDescending } from './argsort.js';
export { type ClassCounts, classCounts } from './class-counts.js';
export { type ConfusionMatrix, type ConfusionMatrixOptions, confusionMatrix } from './confusion-matrix.js';
export { encodeLabels, uniqueLabels } from './labels.js';
export { LOG_LOSS_DEFAULTS, type LogLossOptions, logLoss } from './log-loss.js';
export {
  AVERAGES,
  type Average,
  f1,
  fbeta,
  type PerClassOptions,
  type PerClassScores,
  PRF_DEFAULTS,
  type PrfOptions,
  perClassScores,
  precision,
  recall,
} from './precision-recall.js';
export {
  computeMetric,
  defaultMetrics,
  type MetricInput,
  type MetricTask,
  type ScoreAllOptions,
  scoreAll,
} from './registry.js';
export { mae, mse, type RegressionOptions, r2, rmse } from './regression.js';
export { binaryAuc, ROC_AUC_DEFAULTS, type RocAucOptions, rocAuc } from './roc-auc.js';
export {
  type ClassifierCurve,
  classifierCurve,
  ROC_CURVE_DEFAULTS,
  type RocCurve,
  type RocCurveOptions,
  rocCurve,
} from './roc-curve.js';
export type { Labels, Values, Weights } from './validate.js';
