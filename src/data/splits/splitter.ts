import { InputError } from '../../util/errors.js';

/** One train/test split: row indices, each ascending, disjoint. */
export interface Fold {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** What some splitters need besides the row count. */
export interface SplitData {
  /** Class labels (codes), one per row: StratifiedKFold keeps their shares in every fold. */
  readonly y?: ArrayLike<number>;
  /** Group of each row (a number or a string): GroupKFold never splits a group across folds. */
  readonly groups?: ArrayLike<number | string | null>;
}

/**
 * Cuts `n` rows into folds. Every splitter is deterministic: without shuffling it gives
 * scikit-learn's folds exactly; with shuffling, the same seed gives the same folds.
 */
export interface Splitter {
  /** Stable name ('KFold', ...), as recorded in run params. */
  readonly kind: string;
  /** How many folds `split` gives. */
  readonly nSplits: number;
  split(n: number, data?: SplitData): Fold[];
  /** The splitter as plain data (kind and options), for run params and reports. */
  describe(): Record<string, unknown>;
}

export function isSplitter(v: unknown): v is Splitter {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Splitter).split === 'function' &&
    typeof (v as Splitter).nSplits === 'number'
  );
}

/** An integer option >= min, or an InputError naming it. */
export function checkInteger(kind: string, field: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
    throw new InputError(
      'invalid_split',
      `${kind}: ${field} must be an integer >= ${min}, got ${String(v)}`,
      {
        field,
      },
    );
  return v;
}

export function checkBoolean(kind: string, field: string, v: unknown): boolean {
  if (typeof v !== 'boolean')
    throw new InputError('invalid_split', `${kind}: ${field} must be true or false, got ${String(v)}`, {
      field,
    });
  return v;
}

export function checkRows(kind: string, n: number, nSplits: number): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InputError('invalid_split', `${kind}: the row count must be an integer >= 0, got ${n}`);
  if (nSplits > n)
    throw new InputError(
      'too_few_rows',
      `${kind}: cannot cut ${n} row(s) into ${nSplits} folds; use fewer folds (nSplits) or more rows`,
      { field: 'nSplits' },
    );
}

/** A per-row array given to `split`, checked to hold one entry per row. */
export function requireRows<T extends ArrayLike<unknown>>(
  kind: string,
  field: 'y' | 'groups',
  v: T | undefined,
  n: number,
): T {
  if (v === undefined)
    throw new InputError('invalid_split', `${kind} needs ${field === 'y' ? 'class labels (y)' : 'groups'}`, {
      field,
    });
  if (v.length !== n)
    throw new InputError('length_mismatch', `${kind}: ${field} has ${v.length} values for ${n} rows`, {
      field,
    });
  return v;
}

/** Folds from each row's test-fold number: fold f tests the rows numbered f and trains on the rest. */
export function foldsFromAssignment(testFold: Int32Array, nSplits: number): Fold[] {
  const sizes = new Int32Array(nSplits);
  for (let i = 0; i < testFold.length; i++) sizes[testFold[i]]++;
  const folds: Fold[] = [];
  for (let f = 0; f < nSplits; f++) {
    const test = new Int32Array(sizes[f]);
    const train = new Int32Array(testFold.length - sizes[f]);
    let a = 0;
    let b = 0;
    for (let i = 0; i < testFold.length; i++)
      if (testFold[i] === f) test[a++] = i;
      else train[b++] = i;
    folds.push({ train, test });
  }
  return folds;
}
