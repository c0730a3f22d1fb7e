import type { ColumnKind } from '../data/frame.js';
import type { DriftMethod } from './drift-methods.js';

/**
 * What a monitor run returns: an immutable, JSON-serializable snapshot that the CLI table, the
 * HTML report, the store and the dashboard all read. Numbers that do not exist are null (never
 * NaN, which JSON cannot hold); shares are fractions of non-missing rows.
 */
export interface MonitorSnapshot {
  readonly format: 'cairn.monitor';
  readonly version: 1;
  /** When the snapshot was taken (ISO). */
  readonly createdAt: string;
  readonly model: SnapshotModel;
  readonly reference: { readonly rows: number };
  readonly window: SnapshotWindow;
  readonly options: SnapshotOptions;
  /** One per feature of the signature, in signature order. */
  readonly features: readonly ColumnDriftResult[];
  readonly dataset: DatasetDriftResult;
  /** Drift of the model's predictions; null when the reference has no prediction profile. */
  readonly prediction: ColumnDriftResult | null;
  /** The model's metrics over time, where feedback exists; null without feedback. */
  readonly quality: QualityResult | null;
  /** The run's conclusion: drifted when the dataset or the predictions drifted. */
  readonly verdict: { readonly drifted: boolean; readonly reasons: readonly string[] };
  readonly notes: readonly string[];
}

export interface SnapshotModel {
  readonly name: string;
  readonly task: 'classification' | 'regression';
  readonly target: string;
  readonly primaryMetric: string;
  readonly createdAt: string;
  readonly runId?: string;
  /** How the model was named to the monitor (a path or a models:/ URI), when known. */
  readonly uri?: string;
}

export interface SnapshotWindow {
  readonly rows: number;
  /** Where the current rows came from: a file, or the prediction log. */
  readonly source?: string;
  /** Requested bounds (ISO), when given. */
  readonly since?: string;
  readonly until?: string;
  /** Times of the first and last rows (ISO), when rows have times. */
  readonly first?: string;
  readonly last?: string;
  /** Rows with ground truth. */
  readonly withFeedback: number;
}

export interface SnapshotOptions {
  readonly driftShare: number;
  readonly method: DriftMethod | 'auto';
  readonly thresholds: Readonly<Record<DriftMethod, number>>;
  readonly smallSample: number;
  readonly period: { readonly name: string; readonly ms: number };
}

/** Reference against current, ready to draw: shares over the reference's bins. */
export type ColumnDistribution =
  | {
      readonly type: 'bins';
      /** The reference decile edges (deduplicated); bins are [edges[i], edges[i + 1]]. */
      readonly edges: readonly number[];
      readonly reference: readonly number[];
      readonly current: readonly number[];
      /** Current shares below the first edge and above the last (also counted in the end bins). */
      readonly below: number;
      readonly above: number;
    }
  | {
      readonly type: 'labels';
      /** Reference labels by frequency; OTHER_LABEL gathers the rest and labels new in current. */
      readonly labels: readonly string[];
      readonly reference: readonly number[];
      readonly current: readonly number[];
    };

export const OTHER_LABEL = '(other)';

/** The drift of one column (a feature or the prediction). */
export interface ColumnDriftResult {
  /** Id of the metric config that produced it. */
  readonly metric: string;
  readonly column: string;
  readonly kind: ColumnKind;
  readonly method: DriftMethod;
  /** The method's statistic: KS D, chi-square, or the distance itself. */
  readonly statistic: number | null;
  /** Test methods. */
  readonly pValue: number | null;
  /** Distance methods. */
  readonly distance: number | null;
  /** What the threshold is compared with: the p-value or the distance. */
  readonly score: number | null;
  readonly threshold: number;
  readonly drifted: boolean;
  /** PSI over the reference bins, whatever the method (null when there are no bins). */
  readonly psi: number | null;
  /** Non-missing rows compared. */
  readonly rows: { readonly reference: number; readonly current: number };
  /** Shares of missing values. */
  readonly missing: { readonly reference: number; readonly current: number };
  /** Labels in current never seen in training (categories), most frequent first, at most 10. */
  readonly newLabels?: readonly string[];
  readonly distribution: ColumnDistribution;
  readonly note?: string;
}

export interface DatasetDriftResult {
  readonly metric: string;
  /** Drifted features / features. */
  readonly share: number;
  readonly threshold: number;
  readonly drifted: boolean;
  readonly driftedColumns: number;
  readonly columns: number;
}

export interface QualityBucket {
  /** Start and end of the period (ISO); null for rows without times. */
  readonly start: string | null;
  readonly end: string | null;
  readonly rows: number;
  readonly metrics: Readonly<Record<string, number | null>>;
}

export interface QualityResult {
  readonly metric: string;
  readonly primaryMetric: string;
  /** Which way the primary metric is better. */
  readonly direction: 'max' | 'min';
  /** The model's metrics on its held-out test rows at training. */
  readonly training: Readonly<Record<string, number | null>>;
  /** Over every row with feedback. */
  readonly overall: QualityBucket;
  /** By period, in time order. */
  readonly buckets: readonly QualityBucket[];
  /** overall minus training, for the primary metric (null when either is undefined). */
  readonly change: number | null;
}

/** Freezes a plain object graph, so a snapshot cannot be changed after the run. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** A finite number, or null. */
export function finite(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
