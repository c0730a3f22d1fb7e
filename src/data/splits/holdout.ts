import { InputError } from '../../util/errors.js';
import { Rng } from '../../util/random.js';

export interface HoldoutOptions {
  /** Share of rows held out for testing, in (0, 1). Default 0.2. */
  testSize?: number;
  /** Seed of the shuffle. Default 0. */
  seed?: number;
  /** Class labels to stratify by: each class keeps its share in both parts. */
  stratify?: ArrayLike<number>;
}

export interface Holdout {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * A seeded shuffle split. With `stratify`, every class with at least two rows puts
 * round(testSize × count) of them (at least one) in the test part, so rare classes appear in both.
 */
export function holdoutSplit(n: number, opts: HoldoutOptions = {}): Holdout {
  const testSize = opts.testSize ?? 0.2;
  if (!(testSize > 0 && testSize < 1))
    throw new InputError('invalid_split', `test size must be between 0 and 1, got ${testSize}`, {
      field: 'testSize',
    });
  if (n < 2) throw new InputError('too_few_rows', `cannot split ${n} row(s) into train and test`);
  const rng = new Rng(opts.seed ?? 0);
  const groups = new Map<number, number[]>();
  if (opts.stratify) {
    for (let i = 0; i < n; i++) {
      const k = opts.stratify[i];
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(i);
    }
  } else
    groups.set(
      0,
      Array.from({ length: n }, (_, i) => i),
    );

  const train: number[] = [];
  const test: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const rows = rng.shuffle(groups.get(key)!);
    let nTest = Math.round(testSize * rows.length);
    if (rows.length >= 2) nTest = Math.min(rows.length - 1, Math.max(1, nTest));
    else nTest = 0;
    for (let i = 0; i < rows.length; i++) (i < nTest ? test : train).push(rows[i]);
  }
  if (test.length === 0) throw new InputError('too_few_rows', `no rows left for testing out of ${n}`);
  return {
    train: Int32Array.from(train.sort((a, b) => a - b)),
    test: Int32Array.from(test.sort((a, b) => a - b)),
  };
}
