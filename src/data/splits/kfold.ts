import { Rng } from '../../util/random.js';
import {
  checkBoolean,
  checkInteger,
  checkRows,
  type Fold,
  foldsFromAssignment,
  type Splitter,
} from './splitter.js';

export interface KFoldOptions {
  /** Number of folds, >= 2. Default 5. */
  nSplits?: number;
  /** Shuffle the rows before cutting them into folds. Default false: consecutive blocks. */
  shuffle?: boolean;
  /** Seed of the shuffle. Default 0. */
  seed?: number;
}

/**
 * scikit-learn's KFold: the rows (shuffled when asked) cut into `nSplits` consecutive blocks, the
 * first `n % nSplits` one row larger; each block is the test part of one fold.
 */
export class KFold implements Splitter {
  readonly kind = 'KFold';
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly seed: number;

  constructor(opts: KFoldOptions = {}) {
    this.nSplits = checkInteger(this.kind, 'nSplits', opts.nSplits ?? 5, 2);
    this.shuffle = checkBoolean(this.kind, 'shuffle', opts.shuffle ?? false);
    this.seed = checkInteger(this.kind, 'seed', opts.seed ?? 0, Number.MIN_SAFE_INTEGER);
  }

  split(n: number): Fold[] {
    checkRows(this.kind, n, this.nSplits);
    const order = this.shuffle ? new Rng(this.seed).permutation(n) : null;
    const testFold = new Int32Array(n);
    const base = Math.floor(n / this.nSplits);
    const larger = n % this.nSplits;
    let pos = 0;
    for (let f = 0; f < this.nSplits; f++) {
      const size = base + (f < larger ? 1 : 0);
      for (let i = 0; i < size; i++, pos++) testFold[order ? order[pos] : pos] = f;
    }
    return foldsFromAssignment(testFold, this.nSplits);
  }

  describe(): Record<string, unknown> {
    return { kind: this.kind, nSplits: this.nSplits, shuffle: this.shuffle, seed: this.seed };
  }
}
