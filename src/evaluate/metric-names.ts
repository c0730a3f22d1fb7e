/**
 * The metric names Cairn knows, shared by cairn.yaml validation, the CLI and the metric registry.
 * `direction` says which way is better; `needs` says whether the metric reads hard predictions or
 * scores (probabilities).
 */
export interface MetricInfo {
  readonly task: 'classification' | 'regression';
  readonly direction: 'max' | 'min';
  readonly needs: 'labels' | 'scores';
  readonly doc: string;
}

export const METRICS = {
  accuracy: {
    task: 'classification',
    direction: 'max',
    needs: 'labels',
    doc: 'share of correct predictions',
  },
  balanced_accuracy: {
    task: 'classification',
    direction: 'max',
    needs: 'labels',
    doc: 'mean recall over classes',
  },
  precision: {
    task: 'classification',
    direction: 'max',
    needs: 'labels',
    doc: 'precision of the positive class (binary); macro-averaged over classes for multiclass',
  },
  recall: {
    task: 'classification',
    direction: 'max',
    needs: 'labels',
    doc: 'recall of the positive class (binary); macro-averaged over classes for multiclass',
  },
  f1: {
    task: 'classification',
    direction: 'max',
    needs: 'labels',
    doc: 'F1 of the positive class (binary); macro-averaged over classes for multiclass',
  },
  precision_macro: {
    task: 'classification',
    direction: 'max',
    needs: 'labels',
    doc: 'unweighted mean precision',
  },
  recall_macro: { task: 'classification', direction: 'max', needs: 'labels', doc: 'unweighted mean recall' },
  f1_macro: { task: 'classification', direction: 'max', needs: 'labels', doc: 'unweighted mean F1' },
  precision_weighted: {
    task: 'classification',
    direction: 'max',
    needs: 'labels',
    doc: 'support-weighted mean precision',
  },
  recall_weighted: {
    task: 'classification',
    direction: 'max',
    needs: 'labels',
    doc: 'support-weighted mean recall',
  },
  f1_weighted: { task: 'classification', direction: 'max', needs: 'labels', doc: 'support-weighted mean F1' },
  roc_auc: {
    task: 'classification',
    direction: 'max',
    needs: 'scores',
    doc: 'area under the ROC curve (binary; one-vs-rest macro for multiclass)',
  },
  roc_auc_ovr_weighted: {
    task: 'classification',
    direction: 'max',
    needs: 'scores',
    doc: 'one-vs-rest ROC AUC weighted by class support',
  },
  log_loss: {
    task: 'classification',
    direction: 'min',
    needs: 'scores',
    doc: 'cross-entropy of the probabilities',
  },
  rmse: { task: 'regression', direction: 'min', needs: 'labels', doc: 'root mean squared error' },
  mse: { task: 'regression', direction: 'min', needs: 'labels', doc: 'mean squared error' },
  mae: { task: 'regression', direction: 'min', needs: 'labels', doc: 'mean absolute error' },
  r2: { task: 'regression', direction: 'max', needs: 'labels', doc: 'coefficient of determination' },
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof METRICS;

export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export function isMetricName(s: string): s is MetricName {
  return Object.hasOwn(METRICS, s);
}
