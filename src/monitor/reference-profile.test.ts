import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import {
  binOf,
  buildReferenceProfile,
  type CategoryProfile,
  type NumberProfile,
  quantileSorted,
} from './reference-profile.js';

describe('reference profile', () => {
  it('profiles numbers with quantiles, decile bins and a bounded sorted sample', () => {
    const values = Array.from({ length: 20001 }, (_, i) => (i === 5 ? null : i));
    const frame = new Frame({ x: col.number(values) });
    const p = buildReferenceProfile(frame).features.x as NumberProfile;
    expect(p.missing).toBe(1);
    expect(p.min).toBe(0);
    expect(p.max).toBe(20000);
    expect(p.quantiles[5]).toBeCloseTo(10000.5, 6);
    expect(p.edges.length).toBe(11);
    expect(p.counts.reduce((a, b) => a + b, 0)).toBe(20000);
    expect(p.sample.length).toBe(5000);
    for (let i = 1; i < p.sample.length; i++) expect(p.sample[i]).toBeGreaterThanOrEqual(p.sample[i - 1]);
  });

  it('counts categories and booleans by label', () => {
    const frame = new Frame({
      c: col.category(['a', 'b', 'a', null]),
      b: col.boolean([true, false, true, true]),
    });
    const { c, b } = buildReferenceProfile(frame).features as Record<string, CategoryProfile>;
    expect(c.frequencies).toEqual({ a: 2, b: 1 });
    expect(c.missing).toBe(1);
    expect(b.frequencies).toEqual({ true: 3, false: 1 });
  });

  it('interpolates quantiles like numpy and bins with inclusive ends', () => {
    const s = Float64Array.from([1, 2, 3, 4]);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expect(quantileSorted(s, 1 / 3)).toBeCloseTo(2, 12);
    const edges = Float64Array.from([0, 1, 2]);
    expect([binOf(edges, -5), binOf(edges, 0), binOf(edges, 1), binOf(edges, 2), binOf(edges, 9)]).toEqual([
      0, 0, 1, 1, 1,
    ]);
  });
});
