import { describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { Rng } from '../../util/random.js';
import { accuracy, balancedAccuracy } from './accuracy.js';
import { confusionMatrix } from './confusion-matrix.js';
import { f1, fbeta, perClassScores, precision, recall } from './precision-recall.js';

function labelData(n: number, k: number, seed: number) {
  const rng = new Rng(seed);
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    yTrue[i] = rng.int(k);
    yPred[i] = rng.next() < 0.6 ? yTrue[i] : rng.int(k);
    w[i] = 1 + rng.int(3);
  }
  return { yTrue, yPred, w };
}

function repeat(a: ArrayLike<number>, w: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) for (let k = 0; k < w[i]; k++) out.push(a[i]);
  return out;
}

describe('label metric properties', () => {
  it('integer weights equal repeated samples', () => {
    const { yTrue, yPred, w } = labelData(500, 3, 1);
    const rt = repeat(yTrue, w);
    const rp = repeat(yPred, w);
    expect(accuracy(yTrue, yPred, { sampleWeight: w })).toBeCloseTo(accuracy(rt, rp), 12);
    expect(balancedAccuracy(yTrue, yPred, { sampleWeight: w })).toBeCloseTo(balancedAccuracy(rt, rp), 12);
    for (const average of ['macro', 'weighted', 'micro'] as const) {
      expect(f1(yTrue, yPred, { average, sampleWeight: w })).toBeCloseTo(f1(rt, rp, { average }), 12);
      expect(precision(yTrue, yPred, { average, sampleWeight: w })).toBeCloseTo(
        precision(rt, rp, { average }),
        12,
      );
    }
    const cm = confusionMatrix(yTrue, yPred, { sampleWeight: w }).matrix.data;
    expect(cm).toEqual(confusionMatrix(rt, rp).matrix.data);
  });

  it('is invariant to permuting samples', () => {
    const { yTrue, yPred } = labelData(300, 4, 2);
    const order = Array.from(yTrue, (_, i) => i).reverse();
    const pt = order.map((i) => yTrue[i]);
    const pp = order.map((i) => yPred[i]);
    expect(accuracy(pt, pp)).toBe(accuracy(yTrue, yPred));
    expect(f1(pt, pp, { average: 'weighted' })).toBe(f1(yTrue, yPred, { average: 'weighted' }));
    expect(balancedAccuracy(pt, pp)).toBe(balancedAccuracy(yTrue, yPred));
  });

  it('micro F1 equals accuracy when every class is counted; balanced accuracy is macro recall', () => {
    const { yTrue, yPred } = labelData(400, 5, 3);
    expect(f1(yTrue, yPred, { average: 'micro' })).toBeCloseTo(accuracy(yTrue, yPred), 14);
    expect(balancedAccuracy(yTrue, yPred)).toBeCloseTo(recall(yTrue, yPred, { average: 'macro' }), 14);
  });

  it('binary F1 is the harmonic mean of precision and recall; F-beta tends to recall as beta grows', () => {
    const { yTrue, yPred } = labelData(200, 2, 4);
    const p = precision(yTrue, yPred);
    const r = recall(yTrue, yPred);
    expect(f1(yTrue, yPred)).toBeCloseTo((2 * p * r) / (p + r), 14);
    expect(fbeta(yTrue, yPred, Number.POSITIVE_INFINITY)).toBe(r);
    expect(fbeta(yTrue, yPred, 0)).toBeCloseTo(p, 14);
  });

  it('posLabel chooses the positive class', () => {
    const yTrue = [0, 0, 1, 1, 1];
    const yPred = [0, 1, 1, 1, 0];
    expect(precision(yTrue, yPred)).toBeCloseTo(2 / 3, 15);
    expect(precision(yTrue, yPred, { posLabel: 0 })).toBe(0.5);
    expect(recall(yTrue, yPred, { posLabel: 0 })).toBe(0.5);
  });

  it('applies zeroDivision where a class has no predictions or no true samples', () => {
    expect(precision([1, 0, 1], [0, 0, 0])).toBe(0);
    expect(precision([1, 0, 1], [0, 0, 0], { zeroDivision: 1 })).toBe(1);
    expect(recall([0, 0, 0], [1, 0, 1])).toBe(0);
    expect(recall([0, 0, 0], [1, 0, 1], { zeroDivision: 1 })).toBe(1);
    expect(f1([0, 0], [0, 0], { zeroDivision: 1 })).toBe(1);
  });

  it('treats options given as undefined as their defaults', () => {
    const { yTrue, yPred } = labelData(100, 2, 5);
    const opts = {
      average: undefined,
      posLabel: undefined,
      zeroDivision: undefined,
      sampleWeight: undefined,
    };
    expect(f1(yTrue, yPred, opts)).toBe(f1(yTrue, yPred));
    expect(accuracy(yTrue, yPred, { normalize: undefined })).toBe(accuracy(yTrue, yPred));
  });

  it('per-class scores line up with the single-class binary scores', () => {
    const { yTrue, yPred } = labelData(300, 3, 6);
    const s = perClassScores(yTrue, yPred);
    expect(Array.from(s.labels)).toEqual([0, 1, 2]);
    for (let j = 0; j < 3; j++) {
      const asBinary = (a: Int32Array) => a.map((v) => (v === j ? 1 : 0));
      expect(s.precision[j]).toBeCloseTo(precision(asBinary(yTrue), asBinary(yPred)), 14);
      expect(s.recall[j]).toBeCloseTo(recall(asBinary(yTrue), asBinary(yPred)), 14);
      expect(s.support[j]).toBe(yTrue.filter((v) => v === j).length);
    }
  });
});

describe('confusionMatrix', () => {
  it('counts true classes in rows and predictions in columns, in the order of labels', () => {
    const cm = confusionMatrix([0, 1, 2, 2, 1], [0, 2, 2, 1, 1], { labels: [2, 1, 0] });
    expect(Array.from(cm.labels)).toEqual([2, 1, 0]);
    expect(Array.from(cm.matrix.data)).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 1]);
  });

  it('sums to the sample count, its diagonal to the hits', () => {
    const { yTrue, yPred } = labelData(250, 4, 7);
    const { matrix } = confusionMatrix(yTrue, yPred);
    let total = 0;
    let diag = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        total += matrix.data[i * 4 + j];
        if (i === j) diag += matrix.data[i * 4 + j];
      }
    expect(total).toBe(250);
    expect(diag / total).toBe(accuracy(yTrue, yPred));
  });
});

describe('label metric errors', () => {
  it('names the argument and row of a bad label, and refuses mismatched or empty input', () => {
    expect(() => accuracy([0, 1, Number.NaN], [0, 1, 1])).toThrow(/yTrue\[2\] is NaN/);
    expect(() => accuracy([0, 1], [0, 1.5])).toThrow(/yPred\[1\] is 1.5/);
    expect(() => f1([0, 1, 1], [0, 1])).toThrow(/yPred has 2 values but yTrue has 3/);
    expect(() => accuracy([], [])).toThrow(/empty/);
    expect(() => accuracy([0, 1], [0, 1], { sampleWeight: [0, 0] })).toThrow(/sums to 0/);
  });

  it("refuses average 'binary' with more than two classes, and a posLabel that is not a label", () => {
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as InputError;
      }
      throw new Error('did not throw');
    };
    const e1 = err(() => f1([0, 1, 2], [0, 1, 1]));
    expect(e1).toBeInstanceOf(InputError);
    expect(e1.message).toMatch(/3 classes.*'binary'/);
    expect(e1.details.field).toBe('average');
    expect(err(() => f1([3, 7], [3, 7])).message).toMatch(/posLabel 1 is not one of the labels \(3, 7\)/);
    expect(err(() => f1([0, 1], [0, 1], { average: 'samples' as never })).details.field).toBe('average');
    expect(err(() => fbeta([0, 1], [0, 1], -1)).details.field).toBe('beta');
    expect(err(() => f1([0, 1], [0, 1], { average: 'macro', labels: [0, 0] })).message).toMatch(/twice/);
  });
});
