import { describe, expect, it } from 'vitest';
import { assignFolds } from './target-folds.js';

const sizes = (folds: Int32Array, k: number, where: (r: number) => boolean = () => true) => {
  const out = new Array<number>(k).fill(0);
  folds.forEach((f, r) => {
    if (where(r)) out[f]++;
  });
  return out;
};

describe('assignFolds', () => {
  it('splits shuffled rows into K folds whose sizes differ by at most one, the first ones larger', () => {
    const folds = assignFolds(23, 5, 0);
    expect(sizes(folds, 5)).toEqual([5, 5, 5, 4, 4]);
    expect(Array.from(folds)).not.toEqual(Array.from(folds).sort());
  });

  it('is seeded: the same seed gives the same folds, another seed others', () => {
    expect(assignFolds(50, 5, 3)).toEqual(assignFolds(50, 5, 3));
    expect(assignFolds(50, 5, 3)).not.toEqual(assignFolds(50, 5, 4));
  });

  it('stratifies: every fold gets each class within one row of its share, sizes within one', () => {
    const classes = Int32Array.from({ length: 103 }, (_, r) => (r % 10 === 0 ? 2 : r % 3 === 0 ? 1 : 0));
    const folds = assignFolds(classes.length, 4, 1, classes);
    const total = sizes(folds, 4);
    expect(Math.max(...total) - Math.min(...total)).toBeLessThanOrEqual(1);
    for (const c of [0, 1, 2]) {
      const per = sizes(folds, 4, (r) => classes[r] === c);
      expect(Math.max(...per) - Math.min(...per), `class ${c}`).toBeLessThanOrEqual(1);
    }
  });
});
