import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { loadFrame } from '../data/load.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';
import { TextVectorizer } from './text-vectorizer.js';

const reviews = () =>
  new Frame({
    n: col.number([1, 2, 3, 4, 5]),
    review: col.text(['Great food, great staff!', 'Food was cold.', null, '', 'Staff: rude; food: great']),
  });

runEstimatorContract({
  name: 'TextVectorizer',
  make: (p) => new TextVectorizer(p),
  restore: (json) => TextVectorizer.fromJSON(json),
  data: () => ({ X: reviews() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'review'),
  withNaN: (X) => withMissing(X, 'n', 0),
  nan: 'accept',
  badParams: [
    { analyzer: 'sentence' },
    { ngramRange: [2, 1] },
    { ngramRange: [0, 1] },
    { stopWords: 'french' },
    { tokenPattern: '(a)(b)' },
    { tokenPattern: '(' },
    { minDf: -1 },
    { minDf: 1.5 },
    { maxDf: 0 },
    { maxDf: 2.5 },
    { maxFeatures: 0 },
    { norm: 'l3' },
    { tfidf: 'yes' },
  ],
});

runEstimatorContract({
  name: 'TextVectorizer (tfidf, char_wb)',
  make: (p) => new TextVectorizer({ tfidf: true, analyzer: 'char_wb', ngramRange: [2, 3], ...p }),
  restore: (json) => TextVectorizer.fromJSON(json),
  data: () => ({ X: reviews() }),
  output: (est, X) => flattenFrame(est.transform(X)),
});

const values = (f: Frame, name: string) => Array.from(f.columnOf(name, 'number').values);

describe('TextVectorizer', () => {
  it('counts each learned term in a <col>=<term> column, terms sorted, in place of the text', () => {
    const f = reviews();
    const out = new TextVectorizer().fitTransform(f);
    expect(out.names).toEqual([
      'n',
      'review=cold',
      'review=food',
      'review=great',
      'review=rude',
      'review=staff',
      'review=was',
    ]);
    expect(values(out, 'review=great')).toEqual([2, 0, 0, 0, 1]);
    // a missing text and an empty one are empty documents: all zeros
    expect(out.toRecords(2, 4).every((r) => Object.entries(r).every(([k, v]) => k === 'n' || v === 0))).toBe(
      true,
    );
    expect(out.column('n')).toBe(f.column('n'));
  });

  it('weights by TF-IDF with unit rows; terms unseen at fit are ignored', () => {
    const vec = new TextVectorizer({ tfidf: true }).fit(reviews());
    const out = vec.transform(
      new Frame({ n: col.number([0]), review: col.text(['great great unseen words']) }),
    );
    const row = out.toRecords()[0];
    expect(row['review=great']).toBeCloseTo(1, 12); // one known term: the l2-normalized row is 1
    const idf = vec.state.idf[0]!;
    // smoothed idf: ln((1 + n) / (1 + df)) + 1 with n = 5 documents (missing and empty count)
    expect(idf[vec.state.terms[0].indexOf('food')]).toBeCloseTo(Math.log(6 / 4) + 1, 12);
  });

  it('keeps the maxFeatures most frequent terms and those within minDf..maxDf', () => {
    expect(new TextVectorizer({ maxFeatures: 2 }).fit(reviews()).state.terms[0]).toEqual(['food', 'great']);
    // 'food' is in 3 of 5 documents: maxDf 0.5 drops it, a count of 2 drops it too
    expect(new TextVectorizer({ maxDf: 0.5 }).fit(reviews()).state.terms[0]).not.toContain('food');
    expect(new TextVectorizer({ minDf: 2 }).fit(reviews()).state.terms[0]).toEqual([
      'food',
      'great',
      'staff',
    ]);
    // a share: 0.5 × 5 documents = 2.5, which only 'food' (3) reaches
    expect(new TextVectorizer({ minDf: 0.5 }).fit(reviews()).state.terms[0]).toEqual(['food']);
  });

  it('says which column has no terms left, and why', () => {
    const f = new Frame({ t: col.text(['the and', null, 'of']) });
    expect(() => new TextVectorizer({ stopWords: 'english' }).fit(f)).toThrow(InputError);
    expect(() => new TextVectorizer({ stopWords: 'english' }).fit(f)).toThrow(/column 't'.*empty vocabulary/);
    expect(() =>
      new TextVectorizer({ minDf: 2 }).fit(new Frame({ t: col.text(['ab', 'cd', 'ef']) })),
    ).toThrow(/no terms remain/);
    expect(() => new TextVectorizer({ minDf: 2, maxDf: 0.1 }).fit(reviews())).toThrow(/maxDf/);
  });

  it('gives each text column its own vocabulary and leaves other kinds alone', () => {
    const f = new Frame({
      a: col.text(['red apple', 'green apple']),
      b: col.text(['big dog', 'dog']),
      c: col.category(['x', 'y']),
    });
    const out = new TextVectorizer().fitTransform(f);
    expect(out.names).toEqual(['a=apple', 'a=green', 'a=red', 'b=big', 'b=dog', 'c']);
    // a column of one-letter notes has no two-letter token: refused, naming it
    expect(() => new TextVectorizer().fit(mixedFrame())).toThrow(/column 'note'/);
  });

  it('vectorizes the car names of cars.csv (a real text column)', async () => {
    const cars = await loadFrame('datasets/cars.csv');
    expect(cars.column('name').kind).toBe('text');
    const vec = new TextVectorizer({ columns: ['name'], tfidf: true, maxFeatures: 50 }).fit(cars);
    const out = vec.transform(cars);
    expect(vec.state.terms[0]).toHaveLength(50);
    expect(vec.state.terms[0]).toContain('chevrolet');
    // each row has unit length, or is all zeros where a name holds none of the 50 terms
    for (let r = 0; r < cars.nRows; r++) {
      let sum = 0;
      for (const t of vec.state.terms[0]) sum += out.columnOf(`name=${t}`, 'number').values[r] ** 2;
      expect(sum === 0 || Math.abs(sum - 1) < 1e-12).toBe(true);
    }
  });
});
