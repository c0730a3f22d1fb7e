import { describe, expect, it } from 'vitest';
import { fromRows, matrix, toColMajor } from '../../data/matrix.js';
import { InputError } from '../../util/errors.js';
import { Rng } from '../../util/random.js';
import { rocAuc } from './roc-auc.js';
import { rocCurve } from './roc-curve.js';

function binaryData(n: number, seed: number, distinct = 0) {
  const rng = new Rng(seed);
  const y = new Int32Array(n);
  const s = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < 0.4 ? 1 : 0;
    const raw = 1 / (1 + Math.exp(-(rng.normal() + y[i])));
    s[i] = distinct ? Math.round(raw * distinct) / distinct : raw;
    w[i] = 1 + rng.int(3);
  }
  return { y, s, w };
}

/** P(score of a positive > score of a negative) + ½ P(tie), by brute force over pairs. */
function pairwiseAuc(y: ArrayLike<number>, s: ArrayLike<number>): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++)
    for (let j = 0; j < y.length; j++)
      if (y[i] === 1 && y[j] === 0) {
        pairs++;
        wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
  return wins / pairs;
}

describe('rocAuc properties', () => {
  for (const distinct of [0, 10])
    it(`equals the pairwise ranking probability, ties counting half (${distinct ? 'ties' : 'continuous'})`, () => {
      const { y, s } = binaryData(300, 3 + distinct, distinct);
      expect(rocAuc(y, s)).toBeCloseTo(pairwiseAuc(y, s), 12);
    });

  it('AUC(1 - s) = 1 - AUC(s), with and without ties and weights', () => {
    for (const distinct of [0, 5]) {
      const { y, s, w } = binaryData(500, 11, distinct);
      const flipped = s.map((v) => 1 - v);
      expect(rocAuc(y, flipped)).toBeCloseTo(1 - rocAuc(y, s), 12);
      expect(rocAuc(y, flipped, { sampleWeight: w })).toBeCloseTo(1 - rocAuc(y, s, { sampleWeight: w }), 12);
    }
  });

  it('is invariant to permuting samples and to strictly increasing transforms of the scores', () => {
    const { y, s, w } = binaryData(2000, 5, 50);
    const rng = new Rng(9);
    const perm = Array.from(y, (_, i) => i);
    for (let i = perm.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const base = rocAuc(y, s, { sampleWeight: w });
    const py = Int32Array.from(perm, (i) => y[i]);
    const ps = Float64Array.from(perm, (i) => s[i]);
    const pw = Float64Array.from(perm, (i) => w[i]);
    expect(rocAuc(py, ps, { sampleWeight: pw })).toBeCloseTo(base, 12);
    expect(
      rocAuc(
        y,
        s.map((v) => Math.exp(3 * v) - 7),
        { sampleWeight: w },
      ),
    ).toBeCloseTo(base, 12);
  });

  it('integer weights equal repeated samples', () => {
    const { y, s, w } = binaryData(400, 21, 20);
    const ry: number[] = [];
    const rs: number[] = [];
    for (let i = 0; i < y.length; i++)
      for (let k = 0; k < w[i]; k++) {
        ry.push(y[i]);
        rs.push(s[i]);
      }
    expect(rocAuc(y, s, { sampleWeight: w })).toBeCloseTo(rocAuc(ry, rs), 12);
  });

  it('scores 1 for a perfect ranking and 0.5 for constant scores', () => {
    const y = [0, 0, 1, 1, 0, 1];
    expect(rocAuc(y, [0.1, 0.2, 0.8, 0.9, 0.3, 0.7])).toBe(1);
    expect(rocAuc(y, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it('takes column 1 of a two-column matrix, and the larger label as positive', () => {
    const { y, s } = binaryData(200, 2);
    const two = matrix(
      200,
      2,
      Float64Array.from({ length: 400 }, (_, k) => (k % 2 ? s[k >> 1] : 1 - s[k >> 1])),
    );
    expect(rocAuc(y, two)).toBe(rocAuc(y, s));
    const relabelled = y.map((v) => (v ? 9 : 4));
    expect(rocAuc(relabelled, s)).toBe(rocAuc(y, s));
    // with explicit classes, column order decides the positive class
    expect(rocAuc(relabelled, s, { classes: [9, 4] })).toBeCloseTo(1 - rocAuc(y, s), 12);
  });

  it('refuses a single class in yTrue with a message that says so', () => {
    const run = () => rocAuc([1, 1, 1], [0.2, 0.4, 0.9]);
    expect(run).toThrow(InputError);
    expect(run).toThrow(/only class 1.*undefined/);
    // a single class left after dropping zero-weight samples
    expect(() => rocAuc([0, 1, 1], [0.2, 0.4, 0.9], { sampleWeight: [0, 1, 1] })).toThrow(
      /one class present/,
    );
  });

  it('refuses NaN scores, mismatched lengths and non-integer labels, naming the argument', () => {
    expect(() => rocAuc([0, 1], [0.2, Number.NaN])).toThrow(/scores\[1\] is NaN/);
    expect(() => rocAuc([0, 1, 0], [0.2, 0.3])).toThrow(/scores has 2 values but yTrue has 3/);
    expect(() => rocAuc([0, 0.5], [0.2, 0.3])).toThrow(/yTrue\[1\] is 0.5/);
    expect(() => rocAuc([0, 1], [0.2, 0.3], { sampleWeight: [1, -1] })).toThrow(/sampleWeight\[1\]/);
  });
});

describe('multiclass rocAuc (one-vs-rest)', () => {
  function probaData(n: number, k: number, seed: number) {
    const rng = new Rng(seed);
    const y = new Int32Array(n);
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) {
      y[i] = rng.int(k);
      const logits = Array.from({ length: k }, (_, j) => rng.normal() + (j === y[i] ? 1 : 0));
      const e = logits.map(Math.exp);
      const z = e.reduce((a, b) => a + b, 0);
      rows.push(e.map((v) => v / z));
    }
    return { y, p: fromRows(rows), rows };
  }

  it('macro is the mean of the per-class binary AUCs', () => {
    const { y, p, rows } = probaData(300, 4, 1);
    let sum = 0;
    for (let j = 0; j < 4; j++)
      sum += rocAuc(
        y.map((v) => (v === j ? 1 : 0)),
        rows.map((r) => r[j]),
      );
    expect(rocAuc(y, p)).toBeCloseTo(sum / 4, 12);
  });

  it('does not depend on the column order when classes name the columns, nor on the layout', () => {
    const { y, p, rows } = probaData(250, 3, 2);
    const order = [2, 0, 1];
    const permuted = fromRows(rows.map((r) => order.map((j) => r[j])));
    for (const average of ['macro', 'weighted', 'micro'] as const) {
      const base = rocAuc(y, p, { average });
      expect(rocAuc(y, permuted, { average, classes: order })).toBeCloseTo(base, 12);
      expect(rocAuc(y, toColMajor(p), { average })).toBe(base);
    }
  });

  it('refuses rows that are not probabilities and classes absent from yTrue', () => {
    const { y, rows } = probaData(50, 3, 3);
    expect(() => rocAuc(y, fromRows(rows.map((r) => r.map((v) => v * 2))))).toThrow(/row 0 sums to/);
    const absent = y.map((v) => (v === 2 ? 0 : v));
    expect(() => rocAuc(absent, fromRows(rows))).toThrow(/yTrue holds 2 classes.*3 columns/);
    expect(() => rocAuc(absent, fromRows(rows), { classes: [0, 1, 2] })).toThrow(/class 2/);
    expect(() => rocAuc(y, fromRows(rows), { classes: [0, 1, 1] })).toThrow(/twice/);
  });
});

describe('rocCurve', () => {
  it('runs from (0, 0) to (1, 1) with rates increasing and thresholds decreasing', () => {
    const { y, s, w } = binaryData(1000, 8, 30);
    for (const sampleWeight of [undefined, w])
      for (const dropIntermediate of [true, false]) {
        const { fpr, tpr, thresholds } = rocCurve(y, s, { sampleWeight, dropIntermediate });
        expect([fpr[0], tpr[0]]).toEqual([0, 0]);
        expect([fpr.at(-1), tpr.at(-1)]).toEqual([1, 1]);
        for (let j = 1; j < fpr.length; j++) {
          expect(fpr[j]).toBeGreaterThanOrEqual(fpr[j - 1]);
          expect(tpr[j]).toBeGreaterThanOrEqual(tpr[j - 1]);
          expect(thresholds[j]).toBeLessThan(thresholds[j - 1]);
        }
      }
  });

  it('has one point per distinct score plus the origin when nothing is dropped', () => {
    const curve = rocCurve([0, 1, 0, 1, 1], [0.1, 0.4, 0.4, 0.8, 0.8], { dropIntermediate: false });
    expect(Array.from(curve.thresholds)).toEqual([1.8, 0.8, 0.4, 0.1]);
    expect(Array.from(curve.tpr)).toEqual([0, 2 / 3, 1, 1]);
    expect(Array.from(curve.fpr)).toEqual([0, 0, 0.5, 1]);
  });

  it('needs posLabel for labels other than {0,1} or {-1,1}, and refuses a one-class yTrue', () => {
    expect(() => rocCurve([3, 7, 3], [0.1, 0.9, 0.2])).toThrow(/give posLabel/);
    expect(rocCurve([3, 7, 3], [0.1, 0.9, 0.2], { posLabel: 7 }).tpr.at(-1)).toBe(1);
    expect(() => rocCurve([1, 1], [0.1, 0.9])).toThrow(InputError);
  });
});
