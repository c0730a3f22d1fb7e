/**
 * Class weights as scikit-learn computes them for LogisticRegression: 'balanced' gives class c the
 * weight n / (k * count_c) (counts of rows, not of sample weight), a record gives the listed labels
 * their weight and every other label 1.
 */
import { InputError } from '../../util/errors.js';

export type ClassWeight = null | 'balanced' | Readonly<Record<string, number>>;

/** Weight per class index, for `classes` sorted and `yIndex` the class index of each row. */
export function classWeights(
  kind: string,
  classWeight: ClassWeight,
  classes: Float64Array,
  yIndex: Int32Array,
): Float64Array {
  const k = classes.length;
  const out = new Float64Array(k).fill(1);
  if (classWeight === null) return out;
  if (classWeight === 'balanced') {
    const counts = new Float64Array(k);
    for (let i = 0; i < yIndex.length; i++) counts[yIndex[i]]++;
    for (let c = 0; c < k; c++) out[c] = yIndex.length / (k * counts[c]);
    return out;
  }
  for (const [key, weight] of Object.entries(classWeight)) {
    const label = Number(key);
    const c = classes.indexOf(label);
    if (c < 0)
      throw new InputError(
        'unknown_class',
        `${kind}: classWeight names label ${key}, which is not among the labels of y (${Array.from(classes).join(', ')})`,
        { field: `classWeight.${key}` },
      );
    out[c] = weight;
  }
  return out;
}

/** Sorted distinct labels of y and each row's index among them. */
export function encodeLabels(y: Float64Array): { classes: Float64Array; yIndex: Int32Array } {
  const classes = Float64Array.from(new Set(y)).sort();
  const yIndex = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) yIndex[i] = lowerBound(classes, y[i]);
  return { classes, yIndex };
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
