import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { HashingVectorizer } from './hashing-vectorizer.js';
import { flattenFrame, withMissing, withoutColumn } from './testing/frames.js';
import { murmurhash3String } from './text/murmurhash3.js';

const notes = () =>
  new Frame({
    n: col.number([1, 2, 3]),
    note: col.text(['Ünïcödé text 🍕!', null, 'plain words, plain words']),
  });

runEstimatorContract({
  name: 'HashingVectorizer',
  make: (p) => new HashingVectorizer({ nFeatures: 32, ...p }),
  restore: (json) => HashingVectorizer.fromJSON(json),
  data: () => ({ X: notes() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'note'),
  withNaN: (X) => withMissing(X, 'n', 0),
  nan: 'accept',
  badParams: [
    { nFeatures: 0 },
    { nFeatures: 1.5 },
    { norm: 'max' },
    { alternateSign: 1 },
    { analyzer: 'line' },
  ],
});

describe('HashingVectorizer', () => {
  it('puts each term at |murmurhash3| mod nFeatures, signed by the hash', () => {
    const f = new Frame({ t: col.text(['pizza']) });
    const out = new HashingVectorizer({ nFeatures: 64, norm: null }).fitTransform(f);
    const h = murmurhash3String('pizza');
    const j = Math.abs(h) % 64;
    expect(out.names[j]).toBe(`t#${j}`);
    const row = out.toRecords()[0];
    expect(row[`t#${j}`]).toBe(h < 0 ? -1 : 1);
    expect(Object.values(row).filter((v) => v !== 0)).toHaveLength(1);
  });

  it('needs no vocabulary: unseen terms count, missing and empty texts are zeros', () => {
    const vec = new HashingVectorizer({ nFeatures: 16 }).fit(notes());
    const out = vec.transform(
      new Frame({ n: col.number([0, 0]), note: col.text(['never seen before', '']) }),
    );
    const sq = (r: number) =>
      out.names.filter((n) => n !== 'n').reduce((s, n) => s + out.columnOf(n, 'number').values[r] ** 2, 0);
    expect(sq(0)).toBeCloseTo(1, 12);
    expect(sq(1)).toBe(0);
    expect(vec.featureNamesOut(['n', 'note'])).toEqual(out.names);
  });
});
