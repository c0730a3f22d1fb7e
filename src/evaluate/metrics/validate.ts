/**
 * Input checks shared by every metric. Metrics are called with model outputs and test labels, so a
 * wrong length, a NaN or a non-integer class is a user-visible mistake: each check throws an
 * InputError naming the argument (`field`) and, where one row is to blame, the row.
 */
import { InputError } from '../../util/errors.js';

/** Class labels: integer codes. Float64Array, Int32Array or a plain array. */
export type Labels = Float64Array | Int32Array | readonly number[];
/** Real-valued targets, predictions or scores (Float32Array: e.g. a neural net's outputs). */
export type Values = Float64Array | Float32Array | Int32Array | readonly number[];
/** Non-negative per-sample weights. */
export type Weights = Float64Array | readonly number[];

export function checkNotEmpty(n: number, field: string): void {
  if (n === 0)
    throw new InputError('empty_input', `${field} is empty: a metric needs at least one sample`, { field });
}

export function checkSameLength(
  n: number,
  other: ArrayLike<unknown>,
  field: string,
  reference = 'yTrue',
): void {
  if (other.length !== n)
    throw new InputError(
      'length_mismatch',
      `${field} has ${other.length} values but ${reference} has ${n}: they must match sample for sample`,
      { field, expected: n, got: other.length },
    );
}

/** Class labels must be finite integers (class codes); scikit-learn refuses continuous targets too. */
export function checkLabels(values: Labels, field: string): void {
  if (values instanceof Int32Array) return;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v))
      throw new InputError(
        'invalid_labels',
        `${field}[${i}] is ${v}: class labels must be integer codes (did you pass scores or regression values?)`,
        { field, row: i },
      );
  }
}

/** Finite real values (regression targets, predictions, scores). Returns them as a Float64Array. */
export function checkFinite(values: Values, field: string): Float64Array {
  const out = values instanceof Float64Array ? values : Float64Array.from(values);
  for (let i = 0; i < out.length; i++)
    if (!Number.isFinite(out[i]))
      throw new InputError('invalid_values', `${field}[${i}] is ${out[i]}: expected a finite number`, {
        field,
        row: i,
      });
  return out;
}

/** Weights must be finite, non-negative, one per sample. Returns them as a Float64Array. */
export function checkWeights(w: Weights | undefined, n: number): Float64Array | undefined {
  if (w === undefined) return undefined;
  checkSameLength(n, w, 'sampleWeight');
  const out = w instanceof Float64Array ? w : Float64Array.from(w);
  for (let i = 0; i < n; i++)
    if (!(out[i] >= 0) || out[i] === Number.POSITIVE_INFINITY)
      throw new InputError(
        'invalid_weights',
        `sampleWeight[${i}] is ${out[i]}: weights must be finite and >= 0`,
        {
          field: 'sampleWeight',
          row: i,
        },
      );
  return out;
}

/** Sum of weights that a weighted mean divides by; zero means the mean is undefined. */
export function weightTotal(w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  if (s === 0)
    throw new InputError('invalid_weights', 'sampleWeight sums to 0: a weighted mean is undefined', {
      field: 'sampleWeight',
    });
  return s;
}

/** The option names and values a metric accepts, checked where given by the caller. */
export function checkOption<T extends string | number>(
  value: T,
  allowed: readonly T[],
  field: string,
  metric: string,
): void {
  if (!allowed.includes(value))
    throw new InputError(
      'invalid_option',
      `${metric}: option '${field}' must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`,
      { field },
    );
}
