import type { ColumnKind } from '../data/frame.js';
import type { ColumnRole } from '../data/schema.js';
import type { ValidationPolicy } from '../data/validate/policy.js';
import type { MetricName } from '../evaluate/metric-names.js';

/**
 * The problem spec, as read from `cairn.yaml`.
 *
 * Key style: YAML keys are snake_case (`test_size`, `latency_ms_p99`, `false_positive`), as YAML
 * users expect; the TypeScript fields are the same words in camelCase (`testSize`, `latencyMsP99`,
 * `falsePositive`). Error messages name the YAML key the user wrote (`split.test_size`).
 *
 * A parsed spec is plain data (JSON-serialisable, no functions, no positions), so it can be logged
 * as run parameters as it is; where each field sat in the file is kept aside (see `specError`).
 */
export interface Spec {
  /**
   * The model's name in the registry and the serving URL: letters, digits, `.`, `_`, `-`.
   * Default: the training data file's name without its extension (`data/churn.csv` -> `churn`).
   */
  readonly name: string;
  readonly data: DataSpec;
  /** The column to predict. Required. */
  readonly target: string;
  /** `auto` (default): decided from the target column's values, see `inferTask`. */
  readonly task: TaskSetting;
  /**
   * The primary metric that model selection optimises. Absent: chosen once the task is known,
   * see `defaultMetric` (binary roc_auc, multiclass f1_macro, regression rmse).
   */
  readonly metric?: MetricName;
  readonly model: ModelSpec;
  readonly split: SplitSpec;
  /** Criteria a model must meet to be accepted; empty by default. */
  readonly success: readonly Criterion[];
  readonly constraints: Constraints;
  /** Business cost of each kind of mistake (classification only); drives threshold choice. */
  readonly costs?: Costs;
  /** Columns whose values split the evaluation into slices (fairness, segments); empty by default. */
  readonly slices: readonly string[];
  readonly monitoring?: MonitoringSpec;
  /** What serving and batch scoring do with a batch unlike the training data; recorded in the model. */
  readonly validation?: ValidationSpec;
}

export type Task = 'classification' | 'regression';
export type TaskSetting = Task | 'auto';
export const TASK_SETTINGS: readonly TaskSetting[] = ['classification', 'regression', 'auto'];

/** Where rows come from: a file (CSV, Parquet, JSON; resolved against the spec's folder) or a SQL query. */
export type DataSource = { readonly path: string } | { readonly sql: string };

export interface DataSpec {
  /** YAML `train`: a path, or `{ sql: "SELECT ..." }`. Required. */
  readonly train: DataSource;
  /** YAML `test`: an optional held-out set, a path or `{ sql }`; when given, no test split is cut from train. */
  readonly test?: DataSource;
  /** YAML `columns`: per-column overrides of the inferred kind and role, by column name. */
  readonly columns: Readonly<Record<string, ColumnOverride>>;
}

/** Column kinds as YAML names them (the Frame's kinds). */
export const COLUMN_KINDS = [
  'number',
  'category',
  'boolean',
  'datetime',
  'text',
] as const satisfies readonly ColumnKind[];

/**
 * YAML `columns: { age: { kind: number }, customer_id: { role: id } }`; the short forms
 * `customer_id: id` and `zip: category` also work, since no kind is spelt like a role.
 */
export interface ColumnOverride {
  readonly kind?: ColumnKind;
  readonly role?: ColumnRole;
}

export type ModelName = 'linear' | 'ridge' | 'logistic' | 'auto';
export const MODEL_NAMES: readonly ModelName[] = ['linear', 'ridge', 'logistic', 'auto'];

/** The task each named model family solves; `auto` picks among those that fit the task. */
export const MODEL_TASK: Readonly<Record<Exclude<ModelName, 'auto'>, Task>> = {
  linear: 'regression',
  ridge: 'regression',
  logistic: 'classification',
};

export interface ModelSpec {
  /** Default `auto`. YAML also accepts the short form `model: ridge`. */
  readonly name: ModelName;
  /**
   * Hyperparameters handed to the estimator, checked by the estimator at fit. snake_case keys are
   * turned into the estimator's camelCase option names (`max_iter` -> `maxIter`); default `{}`.
   */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface SplitSpec {
  /** YAML `test_size`: share of rows held out for testing, strictly between 0 and 1. Default 0.2. */
  readonly testSize: number;
  /** Seed of the split's shuffle: an integer >= 0. Default 0. */
  readonly seed: number;
  /**
   * Keep class proportions equal in train and test. `auto` (default): true for classification,
   * false for regression. `true` with a regression task is an error.
   */
  readonly stratify: boolean | 'auto';
}

export type CriterionOp = '>=' | '>' | '<=' | '<' | '==';
export const CRITERION_OPS: readonly CriterionOp[] = ['>=', '<=', '==', '>', '<'];

/** `roc_auc >= 0.85`, parsed. */
export interface Criterion {
  readonly metric: MetricName;
  readonly op: CriterionOp;
  readonly value: number;
}

export interface Constraints {
  /** YAML `latency_ms_p99`: the 99th percentile of one-row predict latency, in milliseconds (> 0). */
  readonly latencyMsP99?: number;
  /** YAML `max_model_mb`: the largest saved model, in megabytes (> 0). */
  readonly maxModelMB?: number;
  /** Only models whose decisions a person can read (linear, logistic, small trees). Default false. */
  readonly interpretable: boolean;
}

export interface Costs {
  /** YAML `false_positive`: cost of predicting positive when the truth is negative (>= 0). */
  readonly falsePositive: number;
  /** YAML `false_negative`: cost of predicting negative when the truth is positive (>= 0). */
  readonly falseNegative: number;
}

export interface MonitoringSpec {
  /**
   * YAML `drift_threshold`: share of feature columns that must drift for the dataset to count as
   * drifted (Evidently's drift share), in (0, 1]. Absent: the monitor's default.
   */
  readonly driftThreshold?: number;
  /** The window of predictions each drift check compares with the reference. */
  readonly window?: MonitorWindow;
}

export interface ValidationSpec {
  /**
   * `reject` | `warn` | `coerce` (see src/data/validate/policy.ts): the default of `cairn predict`
   * and `cairn serve` for this model, which their `--on-invalid` flag overrides. Absent: `warn`.
   */
  readonly policy: ValidationPolicy;
}

/** YAML `window: 5000` (the last 5000 predictions) or `window: 7d` (units s, m, h, d, w). */
export type MonitorWindow = { readonly rows: number } | { readonly durationMs: number };

/** The defaults, in one place, for the parser, `renderSpec` and the docs. */
export const SPEC_DEFAULTS = {
  task: 'auto',
  model: { name: 'auto', params: {} },
  split: { testSize: 0.2, seed: 0, stratify: 'auto' },
  constraints: { interpretable: false },
} as const satisfies {
  task: TaskSetting;
  model: ModelSpec;
  split: SplitSpec;
  constraints: Constraints;
};
