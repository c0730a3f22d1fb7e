import { describe, expect, it } from 'vitest';
import { Rng } from '../../util/random.js';
import { cramersVOf, rankAuc } from './association.js';
import { correlationMatrix, pearsonOf } from './correlation.js';
import { distinctNumbers } from './distinct.js';
import { histogramOf } from './histogram.js';
import { argsort, averageRanks } from './ranks.js';
import { sampleRowIndices } from './sample.js';
import { quantilesOf, selectRanks } from './select.js';

/** Values with ties, both signs, a heavy tail and −0, as a Float64Array. */
function awkward(n: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, (_, i) => {
    const u = rng.next();
    if (i % 97 === 0) return -0;
    if (u < 0.2) return Math.round(rng.normal() * 3); // ties
    if (u < 0.25) return rng.normal() * 1e9; // a heavy tail
    return rng.normal();
  });
}

function sorted(v: Float64Array): Float64Array {
  return v.slice().sort();
}

describe('bucket selection', () => {
  it('finds the same order statistics as a sort, on small and large inputs', () => {
    for (const n of [1, 2, 5, 1000, 50_000]) {
      const v = awkward(n, n);
      const s = sorted(v);
      const ranks = [0, n - 1, n >> 1, Math.floor(n / 3), Math.floor((n * 99) / 100)];
      const got = selectRanks(v, n, s[0], s[n - 1], ranks);
      expect(Array.from(got)).toEqual(ranks.map((r) => s[r]));
    }
  });

  it('narrows down to a tight cluster beside a far outlier', () => {
    const v = Float64Array.from({ length: 100_000 }, (_, i) => 1000 + (i % 1000) * 1e-9);
    v[5] = 1e300;
    const s = sorted(v);
    expect(Array.from(selectRanks(v, v.length, s[0], s[s.length - 1], [1, 50_000, 99_998]))).toEqual([
      s[1],
      s[50_000],
      s[99_998],
    ]);
  });

  it('interpolates quantiles as numpy does, the upper end exact', () => {
    const v = Float64Array.of(1, 2, 4, 8);
    expect(quantilesOf(v, 4, 1, 8, [0, 0.25, 0.5, 0.9, 1])).toEqual([1, 1.75, 3, 6.800000000000001, 8]);
    expect(quantilesOf(new Float64Array(0), 0, Number.NaN, Number.NaN, [0.5])).toEqual([null]);
  });
});

describe('ranks', () => {
  it('argsort orders like a comparison sort, −0 with 0, ties stable', () => {
    const v = awkward(20_000, 7);
    const order = argsort(v);
    let ok = true;
    for (let i = 1; i < order.length; i++) {
      const a = v[order[i - 1]];
      const b = v[order[i]];
      ok &&= a < b || (a === b && order[i - 1] < order[i]);
    }
    expect(ok).toBe(true);
    expect(new Set(order).size).toBe(v.length);
  });

  it('average ranks share tied positions', () => {
    expect(Array.from(averageRanks(Float64Array.of(3, 1, 3, 2, -0, 0)))).toEqual([5.5, 3, 5.5, 4, 1.5, 1.5]);
  });
});

describe('distinct counts', () => {
  it('equal a Set’s count (0 and −0 one value, NaN skipped), through the partitioned path too', () => {
    for (const n of [0, 10, 200_000]) {
      const v = awkward(n, 3);
      if (n > 0) v[1] = Number.NaN;
      const set = new Set(Array.from(v).filter((x) => !Number.isNaN(x)));
      expect(distinctNumbers(v)).toBe(set.size);
    }
  });
});

describe('histograms', () => {
  it('put the maximum in the last bin and widen a constant range by 0.5 each way', () => {
    expect(histogramOf(Float64Array.of(0, 1, 2, 3), 4, 0, 3, 3)).toEqual({
      edges: [0, 1, 2, 3],
      counts: [1, 1, 2],
    });
    expect(histogramOf(Float64Array.of(5, 5), 2, 5, 5, 2)).toEqual({ edges: [4.5, 5, 5.5], counts: [0, 2] });
    expect(histogramOf(new Float64Array(0), 0, 0, 0, 4)).toBeNull();
  });
});

describe('correlations', () => {
  it('the blocked Gram path equals pair-by-pair Pearson, for any number of columns', () => {
    const rng = new Rng(4);
    for (const p of [1, 2, 3, 5, 8]) {
      const cols = Array.from({ length: p }, () => Float64Array.from({ length: 5000 }, () => rng.normal()));
      for (let j = 1; j < p; j++) for (let i = 0; i < 5000; i++) cols[j][i] += cols[j - 1][i] * 0.5;
      const m = correlationMatrix(cols, 'pearson');
      for (let a = 0; a < p; a++)
        for (let b = 0; b < p; b++) {
          const expected = a === b ? 1 : pearsonOf(cols[a], cols[b]);
          expect(Math.abs(m[a * p + b] - expected)).toBeLessThan(1e-12);
        }
    }
  });

  it('use pairwise complete rows and give NaN for a constant column', () => {
    const x = Float64Array.of(1, 2, 3, Number.NaN, 5);
    const y = Float64Array.of(2, 4, 7, 8, Number.NaN);
    const c = Float64Array.of(1, 1, 1, 1, 1);
    const m = correlationMatrix([x, y, c], 'pearson');
    expect(m[1]).toBeCloseTo(pearsonOf(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)), 14);
    expect(Number.isNaN(m[2])).toBe(true);
    expect(Number.isNaN(m[8])).toBe(true);
    const s = correlationMatrix([x, y], 'spearman');
    expect(s[1]).toBeCloseTo(1, 14);
  });
});

describe('associations', () => {
  it('Cramér’s V drops empty levels and is 1 for a relabeling', () => {
    expect(cramersVOf(Float64Array.of(5, 0, 0, 0, 7, 0, 0, 0, 0), 3, 3)).toBeCloseTo(1, 14);
    expect(cramersVOf(Float64Array.of(5, 5, 5, 5), 2, 2)).toBe(0);
    expect(cramersVOf(Float64Array.of(5, 5, 0, 0), 2, 2)).toBeNull();
  });

  it('AUC from ranks counts ties as half', () => {
    const x = Float64Array.of(1, 2, 2, 3);
    const classes = { codes: Int32Array.of(0, 0, 1, 1), levels: 2 };
    expect(rankAuc(x, classes, 1)).toBe(0.875);
  });
});

describe('row samples', () => {
  it('are sorted, distinct, of the asked size, and the same for the same seed', () => {
    const a = sampleRowIndices(10_000, 500, 1);
    expect(a).toHaveLength(500);
    expect(new Set(a).size).toBe(500);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
    expect(sampleRowIndices(10_000, 500, 1)).toEqual(a);
    expect(sampleRowIndices(10_000, 500, 2)).not.toEqual(a);
    expect(Array.from(sampleRowIndices(3, 5, 1))).toEqual([0, 1, 2]);
  });
});
