import { DRIFT_METHODS } from './drift-methods.js';
import type { ColumnDriftResult } from './snapshot.js';

/**
 * How far a column's score is past (>= 1) or short of (< 1) its threshold, comparable across
 * methods, for sorting features by drift: distance / threshold, or for p-values
 * log(p) / log(threshold). A drifted column with no score (nothing to compare) sorts first.
 */
export function driftSeverity(r: ColumnDriftResult): number {
  if (r.score === null) return r.drifted ? Number.POSITIVE_INFINITY : 0;
  if (DRIFT_METHODS[r.method].score === 'distance')
    return r.threshold > 0 ? r.score / r.threshold : Number.POSITIVE_INFINITY;
  if (r.score <= 0) return Number.POSITIVE_INFINITY;
  if (!(r.threshold > 0 && r.threshold < 1)) return r.drifted ? 1 : 0;
  return Math.log(r.score) / Math.log(r.threshold);
}

/** Columns sorted by drift: drifted first, then by severity, then by name. */
export function byDrift(columns: readonly ColumnDriftResult[]): ColumnDriftResult[] {
  return [...columns].sort(
    (a, b) =>
      Number(b.drifted) - Number(a.drifted) ||
      driftSeverity(b) - driftSeverity(a) ||
      (a.column < b.column ? -1 : a.column > b.column ? 1 : 0),
  );
}
