import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GroupKFold } from './group-kfold.js';
import { KFold } from './kfold.js';
import type { Fold } from './splitter.js';
import { StratifiedKFold } from './stratified-kfold.js';
import { TimeSeriesSplit } from './time-series-split.js';

/** Folds written by fixtures/make_fixtures.py with scikit-learn 1.2.1 and numpy 1.24.2. */
interface SplitFixtures {
  KFold: { n: number; nSplits: number; test: number[][] }[];
  StratifiedKFold: { y: number[]; nSplits: number; test: number[][] }[];
  GroupKFold: { groups: (number | string)[]; nSplits: number; test: number[][] }[];
  TimeSeriesSplit: {
    n: number;
    nSplits: number;
    gap: number;
    maxTrainSize: number | null;
    testSize: number | null;
    folds: { train: number[]; test: number[] }[] | null;
  }[];
}

const fx = JSON.parse(
  readFileSync(new URL('./fixtures/splits.json', import.meta.url), 'utf8'),
) as SplitFixtures;

/** Test parts as given; train parts must be exactly the other rows, ascending. */
function expectFolds(folds: Fold[], n: number, test: number[][]): void {
  expect(folds.map((f) => Array.from(f.test))).toEqual(test);
  for (const f of folds) {
    const inTest = new Set(f.test);
    expect(Array.from(f.train)).toEqual(Array.from({ length: n }, (_, i) => i).filter((i) => !inTest.has(i)));
  }
}

describe('splitters without shuffling give scikit-learn 1.2 folds exactly', () => {
  it(`KFold (${fx.KFold.length} cases)`, () => {
    for (const c of fx.KFold) expectFolds(new KFold({ nSplits: c.nSplits }).split(c.n), c.n, c.test);
  });

  it(`StratifiedKFold (${fx.StratifiedKFold.length} cases, classes numbered by first appearance)`, () => {
    for (const c of fx.StratifiedKFold)
      expectFolds(
        new StratifiedKFold({ nSplits: c.nSplits }).split(c.y.length, { y: c.y }),
        c.y.length,
        c.test,
      );
  });

  it(`GroupKFold (${fx.GroupKFold.length} cases, ties between equal groups as numpy orders them)`, () => {
    for (const c of fx.GroupKFold)
      expectFolds(
        new GroupKFold({ nSplits: c.nSplits }).split(c.groups.length, { groups: c.groups }),
        c.groups.length,
        c.test,
      );
  });

  it(`TimeSeriesSplit (${fx.TimeSeriesSplit.length} cases, with gap, maxTrainSize, testSize)`, () => {
    for (const c of fx.TimeSeriesSplit) {
      const s = new TimeSeriesSplit({
        nSplits: c.nSplits,
        gap: c.gap,
        maxTrainSize: c.maxTrainSize,
        testSize: c.testSize,
      });
      if (c.folds === null) expect(() => s.split(c.n), JSON.stringify(c)).toThrow(/too few|cannot cut/);
      else
        expect(
          s.split(c.n).map((f) => ({ train: Array.from(f.train), test: Array.from(f.test) })),
          JSON.stringify({ ...c, folds: undefined }),
        ).toEqual(c.folds);
    }
  });
});
