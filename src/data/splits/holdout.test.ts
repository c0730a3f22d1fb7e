import { describe, expect, it } from 'vitest';
import { holdoutSplit } from './holdout.js';

describe('holdoutSplit', () => {
  it('partitions every row exactly once, reproducibly per seed', () => {
    const a = holdoutSplit(1000, { testSize: 0.25, seed: 3 });
    const b = holdoutSplit(1000, { testSize: 0.25, seed: 3 });
    const c = holdoutSplit(1000, { testSize: 0.25, seed: 4 });
    expect(a.test.length).toBe(250);
    expect(new Set([...a.train, ...a.test]).size).toBe(1000);
    expect(a.test).toEqual(b.test);
    expect(a.test).not.toEqual(c.test);
  });

  it('keeps class shares when stratified, rare classes on both sides', () => {
    const y = new Float64Array(103);
    for (let i = 0; i < 100; i++) y[i] = i % 4 === 0 ? 1 : 0;
    y[100] = y[101] = y[102] = 2;
    const { train, test } = holdoutSplit(103, { testSize: 0.2, stratify: y });
    const count = (idx: Int32Array, k: number) => [...idx].filter((i) => y[i] === k).length;
    expect(count(test, 1)).toBe(5);
    expect(count(test, 0)).toBe(15);
    expect(count(test, 2)).toBe(1);
    expect(count(train, 2)).toBe(2);
  });

  it('refuses impossible splits clearly', () => {
    expect(() => holdoutSplit(1)).toThrow(/cannot split 1 row/);
    expect(() => holdoutSplit(10, { testSize: 1.5 })).toThrow(/test size must be between 0 and 1/);
  });
});
