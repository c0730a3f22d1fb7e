import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { KNNImputer } from './knn-imputer.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'KNNImputer',
  make: (p) => new KNNImputer({ nNeighbors: 2, addIndicator: true, ...p }),
  restore: (json) => KNNImputer.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'x'),
  withNaN: (X) => withMissing(X, 'z', 1),
  nan: 'accept',
  badParams: [{ nNeighbors: 0 }, { nNeighbors: 1.5 }, { weights: 'gaussian' }, { addIndicator: 'no' }],
});

const values = (f: Frame, name: string) => Array.from(f.columnOf(name, 'number').values);

describe('KNNImputer', () => {
  const f = new Frame({
    a: col.number([1, 2, 3, 10, null]),
    b: col.number([1, 2, 3, 10, 2.2]),
  });
  it('fills with the mean of the nearest rows that have the value', () => {
    // row 4 is nearest rows 1 (b = 2) then 2 (b = 3)
    expect(values(new KNNImputer({ nNeighbors: 2 }).fitTransform(f), 'a')).toEqual([1, 2, 3, 10, 2.5]);
    expect(values(new KNNImputer({ nNeighbors: 1 }).fitTransform(f), 'a')[4]).toBe(2);
  });
  it('weights by inverse distance, and gives all weight to a donor at distance 0', () => {
    // distances from b = 2.2 to donors at b = 2 and 3 are 0.2 and 0.8, scaled alike: weights 5 : 1.25
    const d = new KNNImputer({ nNeighbors: 2, weights: 'distance' }).fitTransform(f);
    expect(values(d, 'a')[4]).toBeCloseTo((2 * 5 + 3 * 1.25) / 6.25, 12);
    const exact = new Frame({ a: col.number([1, 2, null]), b: col.number([1, 2, 2]) });
    expect(values(new KNNImputer({ nNeighbors: 2, weights: 'distance' }).fitTransform(exact), 'a')[2]).toBe(
      2,
    );
  });
  it("scales distances up for coordinates the rows do not share (scikit-learn's nan-Euclidean)", () => {
    // row 3 shares only c with row 0 and only b with row 1; both distances are measured on one coordinate
    const g = new Frame({
      a: col.number([5, 7, 9, null]),
      b: col.number([null, 1, 1, 1.5]),
      c: col.number([1, null, 3, 1]),
    });
    // to row 0: sqrt(0 * 3 / 1) = 0; to row 1: sqrt(0.25 * 3 / 1); to row 2: sqrt((0.25 + 4) * 3 / 2)
    expect(values(new KNNImputer({ nNeighbors: 1 }).fitTransform(g), 'a')[3]).toBe(5);
  });
  it('fills with the training mean when no donor shares a coordinate with the row', () => {
    // the rows that have a lack b, the only value the new row has: every distance is undefined, so
    // the fill is the mean 2 (a nearest donor would give 1 or 3)
    const imp = new KNNImputer({ nNeighbors: 1 }).fit(
      new Frame({ a: col.number([1, 3, null]), b: col.number([null, null, 7]) }),
    );
    expect(values(imp.transform(new Frame({ a: col.number([null]), b: col.number([4]) })), 'a')).toEqual([2]);
  });
  it('imputes new rows from the training rows only, and appends indicators for columns missing at fit', () => {
    const imp = new KNNImputer({ nNeighbors: 1, addIndicator: true }).fit(f);
    const fresh = new Frame({ a: col.number([null, 4]), b: col.number([9, null]) });
    const out = imp.transform(fresh);
    expect(out.names).toEqual(['a', 'b', 'missingindicator_a']);
    expect(values(out, 'a')).toEqual([10, 4]);
    expect(values(out, 'b')).toEqual([9, 3]);
    expect(values(out, 'missingindicator_a')).toEqual([1, 0]);
    expect(imp.featureNamesOut(['a', 'b'])).toEqual(out.names);
  });
  it('refuses a column with no values at fit, naming it', () => {
    const g = new Frame({ a: col.number([1, 2]), gone: col.number([null, null]) });
    expect(() => new KNNImputer().fit(g)).toThrow(InputError);
    expect(() => new KNNImputer().fit(g)).toThrow(/'gone'/);
  });
  it('leaves a frame without missing values as it is', () => {
    const out = new KNNImputer().fit(f).transform(new Frame({ a: col.number([1]), b: col.number([2]) }));
    expect(values(out, 'a')).toEqual([1]);
  });
});
