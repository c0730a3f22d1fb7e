import { InputError } from '../../util/errors.js';
import { checkInteger, type Fold, type Splitter } from './splitter.js';

export interface TimeSeriesSplitOptions {
  /** Number of folds, >= 2. Default 5. */
  nSplits?: number;
  /** Rows left out between the end of each training part and its test part. Default 0. */
  gap?: number;
  /** The most rows a training part keeps (the latest ones). Default null: no limit. */
  maxTrainSize?: number | null;
  /** Rows in each test part. Default null: n / (nSplits + 1), rounded down. */
  testSize?: number | null;
}

/**
 * scikit-learn's TimeSeriesSplit: rows must be in time order; every fold trains on rows before its
 * test rows (never after), the test parts are the last `nSplits × testSize` rows in consecutive
 * blocks, and the training part grows (or slides, with `maxTrainSize`). Deterministic.
 */
export class TimeSeriesSplit implements Splitter {
  readonly kind = 'TimeSeriesSplit';
  readonly nSplits: number;
  readonly gap: number;
  readonly maxTrainSize: number | null;
  readonly testSize: number | null;

  constructor(opts: TimeSeriesSplitOptions = {}) {
    this.nSplits = checkInteger(this.kind, 'nSplits', opts.nSplits ?? 5, 2);
    this.gap = checkInteger(this.kind, 'gap', opts.gap ?? 0, 0);
    const max = opts.maxTrainSize ?? null;
    this.maxTrainSize = max === null ? null : checkInteger(this.kind, 'maxTrainSize', max, 1);
    const test = opts.testSize ?? null;
    this.testSize = test === null ? null : checkInteger(this.kind, 'testSize', test, 1);
  }

  split(n: number): Fold[] {
    const k = this.nSplits;
    if (!Number.isSafeInteger(n) || n < 0)
      throw new InputError('invalid_split', `${this.kind}: the row count must be an integer >= 0, got ${n}`);
    if (k + 1 > n)
      throw new InputError(
        'too_few_rows',
        `${this.kind}: cannot cut ${n} row(s) into ${k} folds (it needs at least ${k + 1}); use fewer folds`,
        { field: 'nSplits' },
      );
    const testSize = this.testSize ?? Math.floor(n / (k + 1));
    if (n - this.gap - testSize * k <= 0)
      throw new InputError(
        'too_few_rows',
        `${this.kind}: ${n} rows are too few for ${k} folds of ${testSize} test rows with a gap of ${this.gap}`,
        { field: this.gap > 0 ? 'gap' : 'testSize' },
      );
    const folds: Fold[] = [];
    for (let testStart = n - k * testSize; testStart < n; testStart += testSize) {
      const trainEnd = testStart - this.gap;
      const trainStart =
        this.maxTrainSize !== null && this.maxTrainSize < trainEnd ? trainEnd - this.maxTrainSize : 0;
      folds.push({
        train: range(trainStart, trainEnd),
        test: range(testStart, Math.min(n, testStart + testSize)),
      });
    }
    return folds;
  }

  describe(): Record<string, unknown> {
    return {
      kind: this.kind,
      nSplits: this.nSplits,
      gap: this.gap,
      maxTrainSize: this.maxTrainSize,
      testSize: this.testSize,
    };
  }
}

function range(start: number, end: number): Int32Array {
  const out = new Int32Array(Math.max(0, end - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}
