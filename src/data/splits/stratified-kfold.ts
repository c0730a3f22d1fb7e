import { InputError } from '../../util/errors.js';
import { Rng } from '../../util/random.js';
import type { KFoldOptions } from './kfold.js';
import {
  checkBoolean,
  checkInteger,
  checkRows,
  type Fold,
  foldsFromAssignment,
  requireRows,
  type SplitData,
  type Splitter,
} from './splitter.js';

/**
 * scikit-learn's StratifiedKFold (1.2): every class is dealt over the folds so that each fold's
 * test part holds its share of the class, within one row. Classes are numbered in order of first
 * appearance, the sorted class codes are dealt round-robin to count each fold's share of each
 * class, and the rows of a class get their folds in row order (shuffled when asked).
 */
export class StratifiedKFold implements Splitter {
  readonly kind = 'StratifiedKFold';
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly seed: number;

  constructor(opts: KFoldOptions = {}) {
    this.nSplits = checkInteger(this.kind, 'nSplits', opts.nSplits ?? 5, 2);
    this.shuffle = checkBoolean(this.kind, 'shuffle', opts.shuffle ?? false);
    this.seed = checkInteger(this.kind, 'seed', opts.seed ?? 0, Number.MIN_SAFE_INTEGER);
  }

  split(n: number, data: SplitData = {}): Fold[] {
    checkRows(this.kind, n, this.nSplits);
    const y = requireRows(this.kind, 'y', data.y, n);
    const k = this.nSplits;
    const codes = new Map<number, number>();
    const encoded = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const label = y[i];
      if (!Number.isFinite(label))
        throw new InputError('missing_target', `${this.kind}: class label at row ${i} is missing`, {
          row: i,
          field: 'y',
        });
      let c = codes.get(label);
      if (c === undefined) codes.set(label, (c = codes.size));
      encoded[i] = c;
    }
    const counts = new Int32Array(codes.size);
    for (let i = 0; i < n; i++) counts[encoded[i]]++;
    if (counts.every((c) => c < k))
      throw new InputError(
        'too_few_rows',
        `${this.kind}: nSplits=${k} is more than the rows of every class (largest: ${Math.max(...counts)}); use fewer folds`,
        { field: 'nSplits' },
      );
    const rng = this.shuffle ? new Rng(this.seed) : null;
    // Rows of each class, in row order.
    const rowsOf: number[][] = Array.from({ length: codes.size }, () => []);
    for (let i = 0; i < n; i++) rowsOf[encoded[i]].push(i);
    const testFold = new Int32Array(n);
    let start = 0; // where the class begins among the sorted codes
    for (let c = 0; c < codes.size; c++) {
      const end = start + counts[c];
      const folds = new Int32Array(counts[c]);
      let pos = 0;
      for (let f = 0; f < k; f++) {
        const share = dealt(end, f, k) - dealt(start, f, k);
        for (let j = 0; j < share; j++) folds[pos++] = f;
      }
      if (rng) rng.shuffle(folds);
      const rows = rowsOf[c];
      for (let j = 0; j < rows.length; j++) testFold[rows[j]] = folds[j];
      start = end;
    }
    return foldsFromAssignment(testFold, k);
  }

  describe(): Record<string, unknown> {
    return { kind: this.kind, nSplits: this.nSplits, shuffle: this.shuffle, seed: this.seed };
  }
}

/** How many of the positions 0..m-1 fall to fold f when dealt round-robin over k folds. */
function dealt(m: number, f: number, k: number): number {
  return m > f ? Math.floor((m - 1 - f) / k) + 1 : 0;
}
