import type { ColumnKind } from '../frame.js';
import type { ColumnRole } from '../schema.js';

/**
 * The profile of a frame, as plain JSON (numbers, strings, arrays, null; never NaN): what the
 * terminal summary, the HTML report and scripts read. Values that cannot be computed (the mean of
 * an all-missing column, the correlation of a constant column) are null.
 */
export interface DataProfile {
  readonly format: 'cairn.profile';
  readonly version: 1;
  /** 'summary' holds only what pandas' describe() computes (plus missing counts); 'full' all the rest. */
  readonly level: ProfileLevel;
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
  /** The target column and what the profile knows about it; null without a target. */
  readonly target: TargetProfile | null;
  /**
   * The seeded row sample behind the rank-based measures (Spearman, AUC) when the frame has more
   * rows than `sampleRows`; null when every row was used. Everything else is exact.
   */
  readonly sample: SampleInfo | null;
  readonly duplicateRows: DuplicateRows | null;
  /** Groups of columns holding identical values (by label for categories), in frame order. */
  readonly duplicateColumns: readonly (readonly string[])[] | null;
  readonly constantColumns: readonly string[];
  readonly correlations: Correlations | null;
  /** Rows of the test frame that also appear in this one; null without a test frame. */
  readonly test: SharedRows | null;
  /** Sorted by severity (high first), then by column. */
  readonly warnings: readonly ProfileWarning[];
}

export type ProfileLevel = 'summary' | 'full';

export interface ColumnProfile {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly role: ColumnRole;
  /** Non-missing values. */
  readonly count: number;
  readonly missing: number;
  readonly missingShare: number;
  /** Distinct non-missing values; null where the level skips it (numbers at level 'summary'). */
  readonly distinct: number | null;
  /** At most one distinct non-missing value (an all-missing column is constant too). */
  readonly constant: boolean;
  /** Numbers and datetimes (datetimes in epoch milliseconds, UTC). */
  readonly numeric?: NumericStats;
  /** Categories, booleans ('false' / 'true') and text: the most frequent values. */
  readonly top?: TopValues;
  /** Text: lengths of the non-missing values, in UTF-16 code units. */
  readonly length?: { readonly min: number; readonly mean: number; readonly max: number } | null;
}

export interface NumericStats {
  readonly mean: number | null;
  /** Sample standard deviation (n − 1 in the denominator, as pandas). */
  readonly std: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Linear interpolation between order statistics (numpy's default method). */
  readonly quantiles: readonly Quantile[];
  /** Equal-width bins between min and max, as numpy.histogram; null at level 'summary'. */
  readonly histogram: Histogram | null;
  readonly outliers: Outliers | null;
  /** Values equal to zero (numbers only). */
  readonly zeros?: number;
}

export interface Quantile {
  readonly q: number;
  readonly value: number | null;
}

export interface Histogram {
  /** bins + 1 ascending edges; the last bin includes its right edge. */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

export interface Outliers {
  /** Tukey's rule: outside [Q1 − k·IQR, Q3 + k·IQR]. */
  readonly iqr: OutlierRule & { readonly k: number };
  /** |x − mean| > z · std. */
  readonly zscore: OutlierRule & { readonly z: number };
}

export interface OutlierRule {
  readonly low: number | null;
  readonly high: number | null;
  readonly below: number;
  readonly above: number;
}

export interface TopValues {
  /** The most frequent values, by count (descending), then label. */
  readonly values: readonly { readonly label: string; readonly count: number }[];
  /** Non-missing values outside `values`. */
  readonly other: number;
}

export interface TargetProfile {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Classification for categories and booleans, regression for numbers and datetimes; none for text. */
  readonly task: 'classification' | 'regression' | null;
  /** Classification: every class with its count, by count. */
  readonly classes: readonly { readonly label: string; readonly count: number }[] | null;
  /** One entry per feature the target can be measured against, strongest first. */
  readonly associations: readonly TargetAssociation[];
}

/** How strongly one feature alone relates to the target, by the measures its kinds allow. */
export interface TargetAssociation {
  readonly column: string;
  readonly pearson?: number | null;
  readonly spearman?: number | null;
  readonly cramersV?: number | null;
  /** η: the share of the numeric side's variance explained by the categorical side, square-rooted. */
  readonly correlationRatio?: number | null;
  /** Binary target: the feature's ROC AUC as a score for the second class (sorted labels). */
  readonly auc?: number | null;
  /** On [0, 1]: the largest of |r|, |ρ|, V, η and |2·AUC − 1|; null when none could be computed. */
  readonly strength: number | null;
}

export interface SampleInfo {
  readonly rows: number;
  readonly of: number;
  readonly seed: number;
  readonly usedFor: readonly string[];
}

export interface DuplicateRows {
  /** Rows equal to an earlier row (pandas' duplicated().sum()); missing equals missing. */
  readonly count: number;
  /** Groups of equal rows (0-based indices, the first occurrence first), the earliest groups first. */
  readonly examples: readonly (readonly number[])[];
}

export interface CorrelationMatrix {
  readonly columns: readonly string[];
  /** Symmetric; null where undefined (fewer than two complete pairs, or no variation). */
  readonly values: readonly (readonly (number | null)[])[];
}

export interface Correlations {
  /** Numbers, pairwise complete rows (pandas corr(method='pearson')). */
  readonly pearson: CorrelationMatrix;
  /** Numbers, Pearson of average ranks, pairwise complete (pandas corr(method='spearman')). */
  readonly spearman: CorrelationMatrix;
  /** Categories and booleans, pairwise complete, without continuity correction. */
  readonly cramersV: CorrelationMatrix;
}

export interface SharedRows {
  readonly rows: number;
  /** Test rows equal to some row of the profiled frame, over `columns`. */
  readonly shared: number;
  readonly columns: readonly string[];
  /** Up to a few pairs [test row, row in the profiled frame]. */
  readonly examples: readonly (readonly [number, number])[];
}

export type Severity = 'low' | 'medium' | 'high';

export type WarningCode =
  | 'leakage'
  | 'future_timestamp'
  | 'shared_rows'
  | 'id_like'
  | 'class_imbalance'
  | 'high_missing'
  | 'high_cardinality'
  | 'constant'
  | 'duplicate_columns'
  | 'duplicate_rows';

export interface ProfileWarning {
  readonly code: WarningCode;
  readonly severity: Severity;
  readonly columns: readonly string[];
  readonly message: string;
  /** The measured value that tripped the rule and the rule's threshold, where there is one. */
  readonly value?: number;
  readonly threshold?: number;
}
