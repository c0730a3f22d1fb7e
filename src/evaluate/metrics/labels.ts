/**
 * Class labels as integer codes: the sorted set present in the data, and the mapping from a label
 * to its position in a list of classes. Both take a direct-addressed table when the labels span a
 * small integer range (the usual 0..k-1 codes) and fall back to sorting or a Map otherwise.
 */
import { InputError } from '../../util/errors.js';
import type { Labels } from './validate.js';

/** Widest label range (max - min + 1) served by a lookup table instead of a Map. */
const TABLE_LIMIT = 1 << 20;

/** Sorted distinct labels found in any of the arrays (scikit-learn's `unique_labels`). */
export function uniqueLabels(...arrays: Labels[]): Float64Array {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let total = 0;
  for (const a of arrays) {
    total += a.length;
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (total === 0) return new Float64Array(0);
  const span = max - min + 1;
  if (span <= TABLE_LIMIT) {
    const seen = new Uint8Array(span);
    for (const a of arrays) for (let i = 0; i < a.length; i++) seen[a[i] - min] = 1;
    let k = 0;
    for (let j = 0; j < span; j++) k += seen[j];
    const out = new Float64Array(k);
    for (let j = 0, o = 0; j < span; j++) if (seen[j]) out[o++] = j + min;
    return out;
  }
  const all = new Float64Array(total);
  let o = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) all[o++] = a[i];
  all.sort();
  let k = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[k - 1]) all[k++] = all[i];
  return all.slice(0, k);
}

/** Position of each value in `classes` (any order), or -1 where the value is not a class. */
export function encodeLabels(values: Labels, classes: ArrayLike<number>): Int32Array {
  const out = new Int32Array(values.length);
  const k = classes.length;
  if (k === 0) return out.fill(-1);
  let min = classes[0];
  let max = classes[0];
  for (let j = 1; j < k; j++) {
    if (classes[j] < min) min = classes[j];
    if (classes[j] > max) max = classes[j];
  }
  const span = max - min + 1;
  if (span <= TABLE_LIMIT) {
    const table = new Int32Array(span).fill(-1);
    for (let j = 0; j < k; j++) table[classes[j] - min] = j;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out[i] = v >= min && v <= max ? table[v - min] : -1;
    }
    return out;
  }
  const map = new Map<number, number>();
  for (let j = 0; j < k; j++) map.set(classes[j], j);
  for (let i = 0; i < values.length; i++) out[i] = map.get(values[i]) ?? -1;
  return out;
}

/** A caller's list of labels: integers, no duplicates, at least one. Returned as a Float64Array. */
export function checkLabelList(labels: Labels, field: string): Float64Array {
  const out = Float64Array.from(labels);
  if (out.length === 0)
    throw new InputError('invalid_option', `${field} is empty: give at least one label`, { field });
  const seen = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    if (!Number.isInteger(out[i]))
      throw new InputError('invalid_labels', `${field}[${i}] is ${out[i]}: labels must be integer codes`, {
        field,
      });
    if (seen.has(out[i]))
      throw new InputError(
        'invalid_labels',
        `${field} lists label ${out[i]} twice: labels must be distinct`,
        {
          field,
        },
      );
    seen.add(out[i]);
  }
  return out;
}
