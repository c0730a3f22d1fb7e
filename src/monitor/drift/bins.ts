import { binOf } from '../reference-profile.js';

/**
 * Counts of values in the bins of `edges` (the reference profile's decile edges): inclusive at both
 * ends, values below the first edge or above the last counted in the end bins, NaN skipped.
 */
export function binCounts(edges: Float64Array, values: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(Math.max(0, edges.length - 1));
  for (let i = 0; i < values.length; i++) {
    const b = binOf(edges, values[i]);
    if (b >= 0) counts[b]++;
  }
  return counts;
}
