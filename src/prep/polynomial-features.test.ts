import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { PolynomialFeatures } from './polynomial-features.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'PolynomialFeatures',
  make: (p) => new PolynomialFeatures(p),
  restore: (json) => PolynomialFeatures.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'x'),
  withNaN: (X) => withMissing(X, 'z', 1),
  nan: 'accept',
  badParams: [{ degree: 0 }, { degree: 2.5 }, { interactionOnly: 1 }, { includeBias: 'no' }],
});

const ab = () => new Frame({ a: col.number([2, 3]), b: col.number([5, null]) });

describe('PolynomialFeatures', () => {
  it("outputs scikit-learn's columns in its order with its names", () => {
    const out = new PolynomialFeatures().fitTransform(ab());
    expect(out.names).toEqual(['a', 'b', 'a^2', 'a b', 'b^2']);
    expect(Array.from(out.columnOf('a b', 'number').values.slice(0, 1))).toEqual([10]);
    expect(Array.from(out.columnOf('a^2', 'number').values)).toEqual([4, 9]);
    // missing values propagate into every product they are part of
    expect(out.columnOf('a b', 'number').values[1]).toBeNaN();
  });
  it('makes only interactions, higher degrees and the bias when asked', () => {
    const f = new Frame({ a: col.number([2]), b: col.number([3]), c: col.number([5]) });
    const inter = new PolynomialFeatures({
      degree: 3,
      interactionOnly: true,
      includeBias: true,
    }).fitTransform(f);
    expect(inter.names).toEqual(['1', 'a', 'b', 'c', 'a b', 'a c', 'b c', 'a b c']);
    expect(inter.columnOf('a b c', 'number').values[0]).toBe(30);
    const cubic = new PolynomialFeatures({ degree: 3 }).fit(f).featureNamesOut(['a', 'b', 'c']);
    expect(cubic).toContain('a^2 b');
    expect(cubic).toHaveLength(19);
  });
  it('puts the products where the first combined column was; other columns pass through', () => {
    const f = new Frame({
      id: col.category(['x', 'y']),
      a: col.number([1, 2]),
      n: col.text(['p', 'q']),
      b: col.number([3, 4]),
    });
    const pf = new PolynomialFeatures().fit(f);
    expect(pf.transform(f).names).toEqual(['id', 'a', 'b', 'a^2', 'a b', 'b^2', 'n']);
    expect(pf.featureNamesOut(f.names)).toEqual(['id', 'a', 'b', 'a^2', 'a b', 'b^2', 'n']);
  });
  it('refuses a degree that would make an absurd number of columns', () => {
    const wide = new Frame(Array.from({ length: 60 }, (_, j) => [`c${j}`, col.number([j])] as const));
    expect(() => new PolynomialFeatures({ degree: 4 }).fit(wide)).toThrow(InputError);
  });
});
