import { InputError } from '../../util/errors.js';

/**
 * The share that stands in for an empty bin, so that ln(current / reference) stays finite:
 * 0.0001, Evidently's value. An empty bin on one side then contributes about
 * share * ln(share / 0.0001) — a new category holding 5% of current rows adds 0.31.
 */
export const PSI_EPSILON = 1e-4;

/**
 * The population stability index of two binned distributions given as counts over the same bins:
 * sum over bins of (c - r) * ln(c / r), with r and c the bin shares and empty bins at
 * PSI_EPSILON. Conventional reading: < 0.1 stable, 0.1 to 0.25 moderate shift, > 0.25 major shift.
 */
export function psi(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
  epsilon = PSI_EPSILON,
): number {
  const k = referenceCounts.length;
  if (currentCounts.length !== k)
    throw new InputError(
      'bin_mismatch',
      `psi: ${k} reference bins but ${currentCounts.length} current bins`,
      { field: 'currentCounts' },
    );
  const rTotal = total(referenceCounts, 'referenceCounts');
  const cTotal = total(currentCounts, 'currentCounts');
  if (rTotal === 0 || cTotal === 0)
    throw new InputError('empty_sample', 'psi: both distributions need at least one count', {
      field: rTotal === 0 ? 'referenceCounts' : 'currentCounts',
    });
  let value = 0;
  for (let i = 0; i < k; i++) {
    const r = referenceCounts[i] / rTotal || epsilon;
    const c = currentCounts[i] / cTotal || epsilon;
    value += (c - r) * Math.log(c / r);
  }
  return value;
}

function total(counts: ArrayLike<number>, field: string): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    const v = counts[i];
    if (!(v >= 0 && Number.isFinite(v)))
      throw new InputError('bad_count', `psi: counts must be finite and >= 0, got ${v} at bin ${i}`, {
        field,
      });
    s += v;
  }
  return s;
}
