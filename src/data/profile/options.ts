import { InputError } from '../../util/errors.js';
import { noEvent, type OnEvent } from '../../util/events.js';
import type { Frame } from '../frame.js';
import { COLUMN_ROLES, type ColumnRole } from '../schema.js';
import type { ProfileLevel } from './types.js';

/** When a warning fires. Each rule is documented in src/data/profile/README.md. */
export interface WarningThresholds {
  /** Leakage: a feature whose |r|, |ρ|, Cramér's V or η with the target reaches this. Default 0.95. */
  readonly leakage: number;
  /** Leakage: a number feature whose ROC AUC for a binary target reaches this (or 1 − it). Default 0.99. */
  readonly leakageAuc: number;
  /** Missing share for a 'medium' warning, and for a 'high' one. Defaults 0.2 and 0.5. */
  readonly missingMedium: number;
  readonly missingHigh: number;
  /** Distinct labels above which a category or text column is high-cardinality. Default 50. */
  readonly cardinality: number;
  /** Majority / minority class count ratio for a 'medium' and a 'high' imbalance warning. Defaults 10, 100. */
  readonly imbalanceMedium: number;
  readonly imbalanceHigh: number;
  /** Duplicate rows as a share of all rows above which the warning is 'medium' (else 'low'). Default 0.05. */
  readonly duplicateRowsMedium: number;
  /**
   * A category feature must average this many rows per label before it is tested for leakage (a
   * near-unique label "predicts" any target perfectly, and is reported as id-like instead). Default 5.
   */
  readonly minRowsPerLabel: number;
}

export interface ProfileOptions {
  /** The column to predict; associations with it and leakage are measured. Default: none. */
  readonly target?: string;
  /**
   * Roles by column name (the rest are features). A 'timestamp' column is when the label became
   * known: a datetime feature later than it is flagged. 'id', 'ignore' and 'weight' columns are
   * profiled but left out of correlations and target associations.
   */
  readonly roles?: Readonly<Record<string, ColumnRole>>;
  /** A test frame: its rows that also appear in this frame are counted (same column names). */
  readonly test?: Frame;
  /** 'summary' computes what pandas' describe() does; 'full' (default) everything. */
  readonly level?: ProfileLevel;
  /** Rank-based measures (Spearman, AUC) use a seeded sample of this many rows when there are more. Default 200,000. */
  readonly sampleRows?: number;
  /** Seed of that sample. Default 0. */
  readonly seed?: number;
  /** Quantile levels, each in [0, 1]. Default 0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1. */
  readonly quantiles?: readonly number[];
  /** Equal-width histogram bins for numbers and datetimes. Default 20. */
  readonly bins?: number;
  /** Most frequent values kept per category or text column. Default 10. */
  readonly topValues?: number;
  /** Tukey's fence multiplier for IQR outliers. Default 1.5. */
  readonly iqrK?: number;
  /** z-score beyond which a value is an outlier. Default 3. */
  readonly zThreshold?: number;
  /** Category and boolean columns with more labels than this are left out of Cramér's V. Default 1000. */
  readonly maxLabels?: number;
  /** Duplicate-row groups and shared test rows kept as examples. Default 5. */
  readonly examples?: number;
  readonly thresholds?: Partial<WarningThresholds>;
  /** Progress: phase 'profile', one step per column, then correlations, duplicates and warnings. */
  readonly onEvent?: OnEvent;
}

export const WARNING_THRESHOLDS: WarningThresholds = {
  leakage: 0.95,
  leakageAuc: 0.99,
  missingMedium: 0.2,
  missingHigh: 0.5,
  cardinality: 50,
  imbalanceMedium: 10,
  imbalanceHigh: 100,
  duplicateRowsMedium: 0.05,
  minRowsPerLabel: 5,
};

export const PROFILE_DEFAULTS = {
  level: 'full' as ProfileLevel,
  sampleRows: 200_000,
  seed: 0,
  quantiles: [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1] as readonly number[],
  bins: 20,
  topValues: 10,
  iqrK: 1.5,
  zThreshold: 3,
  maxLabels: 1000,
  examples: 5,
} as const;

export interface ResolvedOptions {
  readonly target: string | null;
  readonly roles: Readonly<Record<string, ColumnRole>>;
  readonly test: Frame | null;
  readonly level: ProfileLevel;
  readonly sampleRows: number;
  readonly seed: number;
  readonly quantiles: readonly number[];
  readonly bins: number;
  readonly topValues: number;
  readonly iqrK: number;
  readonly zThreshold: number;
  readonly maxLabels: number;
  readonly examples: number;
  readonly thresholds: WarningThresholds;
  readonly onEvent: OnEvent;
}

/** Defaults filled in and every option checked against the frame; an InputError names the field. */
export function resolveOptions(frame: Frame, o: ProfileOptions): ResolvedOptions {
  const roles: Record<string, ColumnRole> = {};
  for (const [name, role] of Object.entries(o.roles ?? {})) {
    if (!frame.has(name))
      throw new InputError('unknown_column', `roles: '${name}' is not a column (columns: ${list(frame)})`, {
        column: name,
        field: 'roles',
      });
    if (!COLUMN_ROLES.includes(role))
      throw new InputError(
        'bad_role',
        `roles: '${name}' has role '${role}', expected one of ${COLUMN_ROLES.join(', ')}`,
        { column: name, field: 'roles' },
      );
    roles[name] = role;
  }
  const targets = Object.keys(roles).filter((n) => roles[n] === 'target');
  let target = o.target ?? null;
  if (target !== null && !frame.has(target))
    throw new InputError('unknown_column', `target '${target}' is not a column (columns: ${list(frame)})`, {
      column: target,
      field: 'target',
    });
  if (target === null && targets.length > 0) target = targets[0];
  const stray = targets.filter((t) => t !== target);
  if (stray.length > 0)
    throw new InputError(
      'conflicting_target',
      `roles name '${stray[0]}' as a target, but the target is '${target}': give one target`,
      { column: stray[0], field: 'roles' },
    );
  if (target !== null) roles[target] = 'target';
  for (const name of frame.names) roles[name] ??= 'feature';

  const level = o.level ?? PROFILE_DEFAULTS.level;
  if (level !== 'summary' && level !== 'full')
    throw new InputError('invalid_option', `level must be 'summary' or 'full', got '${level}'`, {
      field: 'level',
    });
  const quantiles = o.quantiles ?? PROFILE_DEFAULTS.quantiles;
  quantiles.forEach((q, i) => {
    if (!(q >= 0 && q <= 1)) invalid(`quantiles.${i}`, 'a number between 0 and 1', q);
  });
  return {
    target,
    roles,
    test: o.test ?? null,
    level,
    sampleRows: int('sampleRows', o.sampleRows ?? PROFILE_DEFAULTS.sampleRows, 2, true),
    seed: int('seed', o.seed ?? PROFILE_DEFAULTS.seed, 0),
    quantiles: [...quantiles].sort((a, b) => a - b),
    bins: int('bins', o.bins ?? PROFILE_DEFAULTS.bins, 1),
    topValues: int('topValues', o.topValues ?? PROFILE_DEFAULTS.topValues, 1),
    iqrK: positive('iqrK', o.iqrK ?? PROFILE_DEFAULTS.iqrK),
    zThreshold: positive('zThreshold', o.zThreshold ?? PROFILE_DEFAULTS.zThreshold),
    maxLabels: int('maxLabels', o.maxLabels ?? PROFILE_DEFAULTS.maxLabels, 2),
    examples: int('examples', o.examples ?? PROFILE_DEFAULTS.examples, 0),
    thresholds: { ...WARNING_THRESHOLDS, ...checkThresholds(o.thresholds ?? {}) },
    onEvent: o.onEvent ?? noEvent,
  };
}

function checkThresholds(t: Partial<WarningThresholds>): Partial<WarningThresholds> {
  for (const [key, v] of Object.entries(t)) {
    if (!(key in WARNING_THRESHOLDS))
      throw new InputError(
        'invalid_option',
        `thresholds.${key} is not a threshold (known: ${Object.keys(WARNING_THRESHOLDS).join(', ')})`,
        { field: `thresholds.${key}` },
      );
    if (typeof v !== 'number' || !(v >= 0)) invalid(`thresholds.${key}`, 'a number >= 0', v);
  }
  return t;
}

function int(field: string, v: number, min: number, infinite = false): number {
  if (infinite && v === Number.POSITIVE_INFINITY) return v;
  if (!Number.isInteger(v) || v < min) invalid(field, `a whole number >= ${min}`, v);
  return v;
}

function positive(field: string, v: number): number {
  if (!(typeof v === 'number' && v > 0 && Number.isFinite(v))) invalid(field, 'a number > 0', v);
  return v;
}

function invalid(field: string, expected: string, got: unknown): never {
  throw new InputError('invalid_option', `${field} must be ${expected}, got ${String(got)}`, { field });
}

function list(frame: Frame): string {
  const names = frame.names;
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, ...` : names.join(', ');
}
