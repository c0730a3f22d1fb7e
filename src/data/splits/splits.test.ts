import { describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { Rng } from '../../util/random.js';
import { GroupKFold } from './group-kfold.js';
import { KFold } from './kfold.js';
import { numpyArgsort } from './numpy-argsort.js';
import type { Fold } from './splitter.js';
import { StratifiedKFold } from './stratified-kfold.js';
import { TimeSeriesSplit } from './time-series-split.js';

/** Every row is tested exactly once across the folds, and each fold's train part is the rest. */
function expectPartition(folds: Fold[], n: number): void {
  const tested = new Int32Array(n);
  for (const f of folds) {
    for (const i of f.test) tested[i]++;
    expect(f.train.length + f.test.length).toBe(n);
    const inTest = new Set(f.test);
    for (const i of f.train) expect(inTest.has(i)).toBe(false);
    expect([...f.train]).toEqual([...f.train].sort((a, b) => a - b));
    expect([...f.test]).toEqual([...f.test].sort((a, b) => a - b));
  }
  expect(tested.every((c) => c === 1)).toBe(true);
}

function labels(n: number, shares: number[], seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => {
    let u = rng.next();
    for (let k = 0; k < shares.length; k++) if ((u -= shares[k]) < 0) return k * 10;
    return (shares.length - 1) * 10;
  });
}

describe('KFold with shuffling', () => {
  it.each([
    [10, 3],
    [101, 5],
    [1000, 7],
  ])('partitions %i rows into %i folds of sizes differing by at most one, reproducibly', (n, k) => {
    const folds = new KFold({ nSplits: k, shuffle: true, seed: 3 }).split(n);
    expectPartition(folds, n);
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.slice().sort((a, b) => b - a)).toEqual(sizes); // the larger folds first, as unshuffled
    expect(new KFold({ nSplits: k, shuffle: true, seed: 3 }).split(n)).toEqual(folds);
    expect(new KFold({ nSplits: k, shuffle: true, seed: 4 }).split(n)).not.toEqual(folds);
  });

  it('is the unshuffled blocks without shuffle, whatever the seed', () => {
    expect(new KFold({ nSplits: 3, seed: 9 }).split(7)).toEqual(new KFold({ nSplits: 3 }).split(7));
  });
});

describe('StratifiedKFold with shuffling', () => {
  it.each([
    [60, 3, [0.5, 0.3, 0.2]],
    [997, 5, [0.9, 0.07, 0.03]],
    [250, 10, [0.25, 0.25, 0.25, 0.25]],
  ])('%i rows into %i folds: a partition, every class within ±1 of its share per fold', (n, k, shares) => {
    const y = labels(n, shares, n);
    const folds = new StratifiedKFold({ nSplits: k, shuffle: true, seed: 1 }).split(n, { y });
    expectPartition(folds, n);
    for (const cls of new Set(y)) {
      const total = y.filter((v) => v === cls).length;
      for (const f of folds) {
        const inFold = [...f.test].filter((i) => y[i] === cls).length;
        expect(Math.abs(inFold - total / k)).toBeLessThan(1);
      }
    }
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(new StratifiedKFold({ nSplits: k, shuffle: true, seed: 1 }).split(n, { y })).toEqual(folds);
    expect(new StratifiedKFold({ nSplits: k, shuffle: true, seed: 2 }).split(n, { y })).not.toEqual(folds);
  });

  it('needs labels, and refuses more folds than any class has rows', () => {
    expect(() => new StratifiedKFold().split(10)).toThrow(/needs class labels/);
    expect(() => new StratifiedKFold({ nSplits: 3 }).split(4, { y: [0, 0, 1, 1] })).toThrow(
      /nSplits=3 is more than the rows of every class/,
    );
    expect(() => new StratifiedKFold({ nSplits: 2 }).split(4, { y: [0, Number.NaN, 1, 1] })).toThrow(
      /row 1 is missing/,
    );
  });
});

describe('GroupKFold', () => {
  it('never splits a group, and balances rows over folds', () => {
    const rng = new Rng(5);
    const groups = Array.from({ length: 500 }, () => `g${rng.int(37)}`);
    const folds = new GroupKFold({ nSplits: 4 }).split(groups.length, { groups });
    expectPartition(folds, groups.length);
    const foldOf = new Map<string, number>();
    folds.forEach((f, k) => {
      for (const i of f.test) {
        expect(foldOf.get(groups[i]) ?? k).toBe(k);
        foldOf.set(groups[i], k);
      }
    });
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(30);
  });

  it('refuses fewer groups than folds, missing and mixed groups', () => {
    expect(() => new GroupKFold({ nSplits: 3 }).split(4, { groups: [1, 1, 2, 2] })).toThrow(
      /2 group\(s\) into 3/,
    );
    expect(() => new GroupKFold({ nSplits: 2 }).split(3, { groups: [1, null, 2] })).toThrow(
      /row 1 is missing/,
    );
    expect(() => new GroupKFold({ nSplits: 2 }).split(3, { groups: [1, 'a', 2] })).toThrow(
      /mix numbers and strings/,
    );
    expect(() => new GroupKFold({ nSplits: 2 }).split(3, { groups: [1, 2] })).toThrow(/2 values for 3 rows/);
  });
});

describe('TimeSeriesSplit', () => {
  it('always trains on rows before its test rows', () => {
    const folds = new TimeSeriesSplit({ nSplits: 4, gap: 2, maxTrainSize: 20 }).split(100);
    expect(folds).toHaveLength(4);
    for (const f of folds) {
      expect(f.train[f.train.length - 1] + 2).toBeLessThan(f.test[0]);
      expect(f.train.length).toBeLessThanOrEqual(20);
    }
  });

  it('refuses too few rows for its folds', () => {
    expect(() => new TimeSeriesSplit({ nSplits: 5 }).split(5)).toThrow(InputError);
    expect(() => new TimeSeriesSplit({ nSplits: 2, testSize: 4, gap: 3 }).split(10)).toThrow(/gap of 3/);
  });
});

describe('splitter options', () => {
  it('are checked when the splitter is made, naming the option', () => {
    expect(() => new KFold({ nSplits: 1 })).toThrow(/KFold: nSplits must be an integer >= 2, got 1/);
    expect(() => new KFold({ shuffle: 'yes' as never })).toThrow(/shuffle must be true or false/);
    expect(() => new StratifiedKFold({ seed: 0.5 })).toThrow(/seed must be an integer/);
    expect(() => new TimeSeriesSplit({ gap: -1 })).toThrow(/gap must be an integer >= 0/);
    expect(() => new KFold({ nSplits: 5 }).split(3)).toThrow(/cannot cut 3 row\(s\) into 5 folds/);
  });

  it('describe themselves as plain data', () => {
    expect(new KFold({ nSplits: 3, shuffle: true, seed: 2 }).describe()).toEqual({
      kind: 'KFold',
      nSplits: 3,
      shuffle: true,
      seed: 2,
    });
    expect(new TimeSeriesSplit().describe()).toMatchObject({ kind: 'TimeSeriesSplit', gap: 0 });
  });
});

describe('numpyArgsort', () => {
  it('sorts ascending, also past the heapsort depth limit', () => {
    const rng = new Rng(1);
    for (const n of [0, 1, 2, 16, 17, 200, 5000]) {
      const v = Float64Array.from({ length: n }, () => rng.int(20));
      const a = numpyArgsort(v);
      expect(new Set(a).size).toBe(n);
      for (let i = 1; i < n; i++) expect(v[a[i - 1]]).toBeLessThanOrEqual(v[a[i]]);
    }
    // median-of-three killer patterns still sort (through the heapsort fallback or not)
    const organ = Float64Array.from({ length: 4096 }, (_, i) => (i < 2048 ? i : 4095 - i));
    const a = numpyArgsort(organ);
    for (let i = 1; i < organ.length; i++) expect(organ[a[i - 1]]).toBeLessThanOrEqual(organ[a[i]]);
  });
});
