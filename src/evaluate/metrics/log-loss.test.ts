import { describe, expect, it } from 'vitest';
import { fromRows, matrix, toColMajor } from '../../data/matrix.js';
import { logLoss } from './log-loss.js';

describe('logLoss', () => {
  const y = [0, 1, 1, 0, 1];
  const p = [0.2, 0.7, 0.9, 0.4, 0.6];

  it('is the mean negative log-probability of the true class', () => {
    const want = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.9) + Math.log(0.6) + Math.log(0.6)) / 5;
    expect(logLoss(y, p)).toBeCloseTo(want, 14);
    expect(logLoss(y, p, { normalize: false })).toBeCloseTo(want * 5, 13);
  });

  it('reads a vector, a 1-column and a 2-column matrix, of either layout, alike', () => {
    const base = logLoss(y, p);
    expect(logLoss(y, matrix(5, 1, Float64Array.from(p)))).toBe(base);
    const two = fromRows(p.map((v) => [1 - v, v]));
    expect(logLoss(y, two)).toBeCloseTo(base, 15);
    expect(logLoss(y, toColMajor(two))).toBe(logLoss(y, two));
  });

  it('maps columns to labels in the given order', () => {
    const m = fromRows([
      [0.7, 0.2, 0.1],
      [0.1, 0.8, 0.1],
    ]);
    const yt = [5, 9];
    expect(logLoss(yt, m, { labels: [5, 9, 11] })).toBeCloseTo(-(Math.log(0.7) + Math.log(0.8)) / 2, 14);
    expect(logLoss(yt, m, { labels: [9, 5, 11] })).toBeCloseTo(-(Math.log(0.2) + Math.log(0.1)) / 2, 14);
  });

  it('costs a finite loss for a confident mistake (clipping at eps)', () => {
    expect(logLoss([1, 0], [0, 0])).toBeCloseTo(-Math.log(Number.EPSILON) / 2, 10);
    expect(logLoss([1, 0], [0, 0], { eps: 1e-15 })).toBeCloseTo(-Math.log(1e-15) / 2, 10);
  });

  it('refuses probabilities outside [0, 1], unknown classes and a single class without labels', () => {
    expect(() => logLoss([0, 1], [0.5, 1.2])).toThrow(/1.2.*outside \[0, 1\]/);
    expect(() => logLoss([0, 1], [0.5, Number.NaN])).toThrow(/scores\[1\] is NaN/);
    expect(() => logLoss([1, 1], [0.5, 0.9])).toThrow(/holds 1 class.*give 'labels'/);
    expect(logLoss([1, 1], [0.5, 0.9], { labels: [0, 1] })).toBeCloseTo(
      -(Math.log(0.5) + Math.log(0.9)) / 2,
      14,
    );
    expect(() => logLoss([0, 7], [0.5, 0.9], { labels: [0, 1] })).toThrow(/yTrue\[1\] is 7/);
    expect(() => logLoss([0, 1, 2], [0.5, 0.9, 0.1])).toThrow(/one column per class/);
    expect(() => logLoss([0, 1], [0.5, 0.9], { eps: 0.7 })).toThrow(/eps/);
  });
});
