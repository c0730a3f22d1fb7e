import { Rng } from '../../util/random.js';

/**
 * `k` of the row indices 0..n-1, ascending, chosen uniformly without replacement (Knuth's
 * selection sampling, algorithm S: one pass, already sorted, so columns are read in order).
 */
export function sampleRowIndices(n: number, k: number, seed: number): Int32Array {
  const out = new Int32Array(Math.min(n, k));
  if (k >= n) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  const rng = new Rng(seed);
  let chosen = 0;
  for (let i = 0; i < n && chosen < k; i++) if ((n - i) * rng.next() < k - chosen) out[chosen++] = i;
  return out;
}

export function takeFloat64(values: Float64Array, rows: Int32Array | null): Float64Array {
  if (rows === null) return values;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

export function takeInt32(values: Int32Array, rows: Int32Array | null): Int32Array {
  if (rows === null) return values;
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}
