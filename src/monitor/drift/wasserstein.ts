import { InputError } from '../../util/errors.js';

/**
 * The first Wasserstein (earth mover's) distance between two samples: the area between their
 * empirical distribution functions, equal to SciPy 1.10's `wasserstein_distance(u, v)`.
 */
export function wasserstein1(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const a = sortedCopy(u, 'u');
  const b = sortedCopy(v, 'v');
  const all = new Float64Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  all.sort();
  let i = 0;
  let j = 0;
  let sum = 0;
  for (let k = 0; k < all.length - 1; k++) {
    const x = all[k];
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    sum += Math.abs(i / a.length - j / b.length) * (all[k + 1] - x);
  }
  return sum;
}

/** Evidently's floor on the reference standard deviation, so constant features do not divide by 0. */
export const MIN_NORM_STD = 0.001;

/**
 * The Wasserstein distance in units of the reference's standard deviation (Evidently's
 * "wasserstein" drift method): 0.1 means the current distribution moved a tenth of a standard
 * deviation's worth of mass. `referenceStd` is the population std (numpy's default); default: the
 * sample's own.
 */
export function normalizedWasserstein(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  referenceStd = populationStd(reference),
): number {
  return wasserstein1(reference, current) / Math.max(referenceStd, MIN_NORM_STD);
}

export function populationStd(values: ArrayLike<number>): number {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return Math.sqrt(ss / n);
}

function sortedCopy(values: ArrayLike<number>, name: string): Float64Array {
  const out = Float64Array.from(values);
  if (out.length === 0)
    throw new InputError('empty_sample', `wasserstein: sample ${name} is empty`, { field: name });
  for (let i = 0; i < out.length; i++)
    if (!Number.isFinite(out[i]))
      throw new InputError('nan_in_sample', `wasserstein: sample ${name} holds ${out[i]} at index ${i}`, {
        field: name,
        row: i,
      });
  return out.sort();
}
