/** The small numeric kernels behind the numeric transformers, against numpy and SciPy values. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../util/random.js';
import {
  countWithin,
  kthNeighborDistance2d,
  kthNeighborDistanceSorted,
  nextBelow,
} from './nearest-neighbors.js';
import { numpyVariance, pairwiseSum } from './pairwise-sum.js';
import { medianSorted, quantileSorted, sortedPresent } from './quantile.js';
import { digamma, fSurvival, incompleteBeta, logGamma } from './special-functions.js';

describe('numpy quantiles', () => {
  const sorted = sortedPresent(Float64Array.from([3.7, 1.2, Number.NaN, 9.9, 4.4, 0.3, 7.1, 2.2]));
  it('drops missing values and sorts', () => {
    expect(Array.from(sortedPresent(Float64Array.from([2, Number.NaN, 1])))).toEqual([1, 2]);
  });
  it.each([
    // np.quantile([3.7, 1.2, 9.9, 4.4, 0.3, 7.1, 2.2], q), numpy 1.24
    [0, 0.3],
    [0.01, 0.354],
    [0.25, 1.7000000000000002],
    [0.3, 2.0],
    [0.5, 3.7],
    [0.75, 5.75],
    [0.99, 9.732],
    [1, 9.9],
  ])('q = %s', (q, want) => {
    expect(quantileSorted(sorted, q)).toBe(want);
  });
  it('takes the median as numpy does, NaN when empty', () => {
    expect(medianSorted(Float64Array.from([0.3, 1.2, 3.7, 4.4, 7.1, 9.9]))).toBe(4.050000000000001);
    expect(medianSorted(new Float64Array(0))).toBeNaN();
  });
});

describe('numpy pairwise summation', () => {
  it('gives np.sum and np.var to the bit', () => {
    const b = Float64Array.from({ length: 1000 }, (_, i) => 0.1 + i * 1e-3);
    expect(pairwiseSum(b)).toBe(599.5);
    expect(numpyVariance(b)).toBe(0.08333325);
  });
});

describe('special functions', () => {
  it('match SciPy', () => {
    expect(incompleteBeta(2.5, 0.5, 0.9)).toBeCloseTo(0.4895897445644274, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 14);
    expect(logGamma(123.4) / 469.3360974421906).toBeCloseTo(1, 14);
    expect(digamma(3.7)).toBeCloseTo(1.1671535393615113, 14);
    // scipy.special.fdtrc(1, 567, 700) = 4.5374008107960476e-101
    expect(fSurvival(700, 1, 567) / 4.5374008107960476e-101).toBeCloseTo(1, 12);
    expect(fSurvival(Number.POSITIVE_INFINITY, 2, 10)).toBe(0);
    expect(fSurvival(Number.NaN, 2, 10)).toBeNaN();
  });
});

describe('neighbour queries', () => {
  it('find the k-th nearest distance in max-norm as a brute force does', () => {
    const rng = new Rng(11);
    const n = 300;
    // rounded values make many ties
    const x = Float64Array.from({ length: n }, () => Math.round(rng.normal() * 4));
    const y = Float64Array.from({ length: n }, () => rng.normal());
    for (const k of [1, 3, 7]) {
      const got = kthNeighborDistance2d(x, y, k);
      for (let i = 0; i < n; i++) {
        const d = [];
        for (let j = 0; j < n; j++)
          if (j !== i) d.push(Math.max(Math.abs(x[i] - x[j]), Math.abs(y[i] - y[j])));
        d.sort((a, b) => a - b);
        expect(got[i]).toBe(d[k - 1]);
      }
    }
  });
  it('find the k-th nearest distance on a sorted line and count within a radius inclusively', () => {
    const s = Float64Array.from([0, 1, 1, 3, 7]);
    expect(Array.from(kthNeighborDistanceSorted(s, 2))).toEqual([1, 1, 1, 2, 6]);
    expect(countWithin(s, 1, 2)).toBe(4);
    expect(countWithin(s, 1, nextBelow(2))).toBe(3);
    expect(countWithin(s, 10, 1)).toBe(0);
  });
  it('steps one double below', () => {
    expect(nextBelow(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextBelow(0)).toBe(0);
  });
});
