import { describe, expect, it } from 'vitest';
import { type Column, col } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { LabelEncoder } from './label-encoder.js';

runEstimatorContract<LabelEncoder, Column>({
  name: 'LabelEncoder',
  make: (p) => new LabelEncoder(p as Partial<Record<string, never>>),
  restore: (json) => LabelEncoder.fromJSON(json),
  data: () => ({ X: col.category(['b', 'a', 'c', 'a']) }),
  fit: (est, X) => est.fit(X),
  output: (est, X) => est.transform(X),
  withNaN: () => col.category(['b', null]),
  nan: 'reject',
  badParams: [{ sorted: true }],
});

describe('LabelEncoder', () => {
  it('codes category labels 0..K-1 in sorted order and inverts them', () => {
    const enc = new LabelEncoder().fit(col.category(['dog', 'cat', 'dog'], ['dog', 'cat']));
    expect(enc.classes).toEqual(['cat', 'dog']);
    const codes = enc.transform(col.category(['cat', 'dog'], ['dog', 'cat', 'cow']));
    expect(codes).toBeInstanceOf(Float64Array);
    expect(Array.from(codes)).toEqual([0, 1]);
    expect(enc.inverse([1, 0, 1])).toEqual(['dog', 'cat', 'dog']);
    const back = enc.inverseColumn([1, 0]);
    expect(back.kind).toBe('category');
    expect(back.kind === 'category' && back.categories[back.values[0]]).toBe('dog');
  });
  it('sorts numbers by value and labels them by their shortest string', () => {
    const enc = new LabelEncoder().fit(col.number([10, 2, 0.1, 2]));
    expect(enc.classes).toEqual(['0.1', '2', '10']);
    expect(Array.from(enc.transform(col.number([10, 0.1])))).toEqual([2, 0]);
    const back = enc.inverseColumn([0, 2]);
    expect(back.kind === 'number' && Array.from(back.values)).toEqual([0.1, 10]);
  });
  it('codes booleans false=0, true=1', () => {
    const enc = new LabelEncoder().fit(col.boolean([true, false]));
    expect(enc.classes).toEqual(['false', 'true']);
    expect(Array.from(enc.transform(col.boolean([true])))).toEqual([1]);
  });
  it('refuses unknown labels, missing targets and bad codes with InputErrors naming the row', () => {
    const enc = new LabelEncoder().fit(col.category(['a', 'b']));
    let err: unknown;
    try {
      enc.transform(col.category(['a', 'z']));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).details).toMatchObject({ row: 1, value: 'z' });
    expect(() => enc.transform(col.category(['a', null]))).toThrow(/row 1 is missing/);
    expect(() => enc.inverse([2])).toThrow(InputError);
    expect(() => enc.transform(col.number([1]))).toThrow(/target is number, was category/);
    expect(() => new LabelEncoder().fit(col.text(['a']))).toThrow(InputError);
    expect(() => new LabelEncoder().fit(col.number([1, Number.POSITIVE_INFINITY]))).toThrow(/row 1/);
  });
});
