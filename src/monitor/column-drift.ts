import type { Column } from '../data/frame.js';
import { categoryDrift } from './category-drift.js';
import type { DriftMethod } from './drift-methods.js';
import { numberDrift } from './number-drift.js';
import type { CategoryProfile, FeatureProfile, NumberProfile } from './reference-profile.js';
import type { ColumnDriftResult } from './snapshot.js';

/** What one column's drift calculation needs besides the data. */
export interface ColumnDriftConfig {
  /** Id of the metric config, copied into the result. */
  readonly metric: string;
  readonly column: string;
  readonly method: DriftMethod | 'auto';
  /** Threshold per method (the resolved method's is used). */
  readonly thresholds: Readonly<Record<DriftMethod, number>>;
  readonly smallSample: number;
}

/**
 * The drift of one column against its reference profile: numbers (and datetimes) against the
 * reference sample and decile bins, labels (categories, booleans, text) against the reference
 * frequencies. The method is chosen by kind and sample size unless the config names one.
 */
export function columnDrift(
  profile: FeatureProfile,
  current: Column,
  cfg: ColumnDriftConfig,
): ColumnDriftResult {
  return isNumberProfile(profile)
    ? numberDrift(profile, current, cfg)
    : categoryDrift(profile as CategoryProfile, current, cfg);
}

export function isNumberProfile(p: FeatureProfile): p is NumberProfile {
  return p.kind === 'number' || p.kind === 'datetime';
}
