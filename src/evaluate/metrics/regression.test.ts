import { describe, expect, it } from 'vitest';
import { Rng } from '../../util/random.js';
import { mae, mse, r2, rmse } from './regression.js';

function data(n: number, seed: number) {
  const rng = new Rng(seed);
  const t = new Float64Array(n);
  const p = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = rng.normal() * 5;
    p[i] = t[i] + rng.normal();
    w[i] = 1 + rng.int(4);
  }
  return { t, p, w };
}

describe('regression metrics', () => {
  it('rmse is the root of mse; r2 is 1 - mse / variance', () => {
    const { t, p } = data(500, 1);
    expect(rmse(t, p)).toBeCloseTo(Math.sqrt(mse(t, p)), 14);
    const mean = t.reduce((a, b) => a + b, 0) / t.length;
    const variance = t.reduce((a, b) => a + (b - mean) ** 2, 0) / t.length;
    expect(r2(t, p)).toBeCloseTo(1 - mse(t, p) / variance, 12);
    expect(mae([1, 2, 3], [2, 2, 5])).toBe(1);
  });

  it('integer weights equal repeated samples', () => {
    const { t, p, w } = data(300, 2);
    const rt: number[] = [];
    const rp: number[] = [];
    for (let i = 0; i < t.length; i++)
      for (let k = 0; k < w[i]; k++) {
        rt.push(t[i]);
        rp.push(p[i]);
      }
    for (const fn of [mse, rmse, mae, r2]) expect(fn(t, p, { sampleWeight: w })).toBeCloseTo(fn(rt, rp), 11);
  });

  it("follows scikit-learn's r2 edge cases, testing constancy exactly", () => {
    expect(r2([3, 3, 3], [3, 3, 3])).toBe(1);
    expect(r2([3, 3, 3], [3, 2, 3])).toBe(0);
    expect(r2([2], [3])).toBeNaN();
    // the floating-point mean of these is a hair off 0.1; scikit-learn 1.2.1 then returns -5.2e31
    // for [0.1, 0.1, 0.1] against [0.2, 0.2, 0.2]; the exact constancy test gives 0
    expect(r2([0.1, 0.1, 0.1], [0.2, 0.2, 0.2])).toBe(0);
    expect(r2(new Array(10).fill(0.1), new Array(10).fill(0.2))).toBe(0);
    // constancy counts only samples with non-zero weight
    expect(r2([1, 1, 5], [1, 2, 0], { sampleWeight: [1, 1, 0] })).toBe(0);
  });

  it('refuses non-finite values and mismatched lengths', () => {
    expect(() => mse([1, Number.NaN], [1, 2])).toThrow(/yTrue\[1\] is NaN/);
    expect(() => mae([1, 2], [1, Number.POSITIVE_INFINITY])).toThrow(/yPred\[1\] is Infinity/);
    expect(() => r2([1, 2, 3], [1, 2])).toThrow(/yPred has 2 values/);
    expect(() => rmse([1, 2], [1, 2], { sampleWeight: [0, 0] })).toThrow(/sums to 0/);
  });
});
