import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'OneHotEncoder',
  make: (p) => new OneHotEncoder(p),
  restore: (json) => OneHotEncoder.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'color'),
  withNaN: (X) => withMissing(X, 'x', 2),
  nan: 'accept',
  badParams: [
    { handleUnknown: 'warn' },
    { drop: 'last' },
    { columns: [1] },
    { minFrequency: 0 },
    { minFrequency: 1.5 },
    { minFrequency: -0.2 },
    { maxCategories: 0 },
    { maxCategories: 2.5 },
  ],
});

runEstimatorContract({
  name: 'OneHotEncoder with infrequent groups',
  make: (p) => new OneHotEncoder({ minFrequency: 2, handleUnknown: 'infrequent_if_exist', ...p }),
  restore: (json) => OneHotEncoder.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'color'),
});

const rows = (f: Frame) => f.toRecords();

describe('OneHotEncoder', () => {
  it('makes one 0/1 number column per sorted label, in place of the column', () => {
    const f = new Frame({ n: col.number([1, 2, 3]), c: col.category(['b', 'a', 'b'], ['b', 'a']) });
    const enc = new OneHotEncoder().fit(f);
    const out = enc.transform(f);
    expect(out.names).toEqual(['n', 'c=a', 'c=b']);
    expect(rows(out)).toEqual([
      { n: 1, 'c=a': 0, 'c=b': 1 },
      { n: 2, 'c=a': 1, 'c=b': 0 },
      { n: 3, 'c=a': 0, 'c=b': 1 },
    ]);
    expect(enc.featureNamesOut(['n', 'c'])).toEqual(out.names);
  });

  it('maps by label: a frame with another dictionary encodes the same', () => {
    const enc = new OneHotEncoder().fit(new Frame({ c: col.category(['x', 'y', 'z']) }));
    const a = enc.transform(new Frame({ c: col.category(['z', 'x', 'y']) }));
    const b = enc.transform(new Frame({ c: col.category(['z', 'x', 'y'], ['q', 'z', 'y', 'x']) }));
    expect(rows(b)).toEqual(rows(a));
    expect(rows(a)[0]).toEqual({ 'c=x': 0, 'c=y': 0, 'c=z': 1 });
  });

  it('gives all zeros for an unknown category under ignore', () => {
    const enc = new OneHotEncoder().fit(new Frame({ c: col.category(['x', 'y']) }));
    expect(rows(enc.transform(new Frame({ c: col.category(['w', 'y']) })))).toEqual([
      { 'c=x': 0, 'c=y': 0 },
      { 'c=x': 0, 'c=y': 1 },
    ]);
  });

  it('names the column, the value and the row of an unknown category under error', () => {
    const enc = new OneHotEncoder({ handleUnknown: 'error' }).fit(new Frame({ c: col.category(['x', 'y']) }));
    let err: unknown;
    try {
      enc.transform(new Frame({ c: col.category(['x', 'w']) }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).details).toMatchObject({ column: 'c', value: 'w', row: 1 });
    expect((err as Error).message).toContain('"w"');
    // a missing value never seen at fit is unknown too
    expect(() => enc.transform(new Frame({ c: col.category([null]) }))).toThrow(/missing value/);
  });

  it('gives missing values seen at fit their own last column', () => {
    const f = new Frame({ c: col.category(['x', null, 'y']) });
    const out = new OneHotEncoder().fitTransform(f);
    expect(out.names).toEqual(['c=x', 'c=y', 'c=<missing>']);
    expect(rows(out)[1]).toEqual({ 'c=x': 0, 'c=y': 0, 'c=<missing>': 1 });
  });

  it('encodes booleans as false/true', () => {
    const out = new OneHotEncoder().fitTransform(new Frame({ b: col.boolean([true, false]) }));
    expect(rows(out)).toEqual([
      { 'b=false': 0, 'b=true': 1 },
      { 'b=false': 1, 'b=true': 0 },
    ]);
  });

  it("drops the first label with drop 'first', and only for two-label columns with 'if_binary'", () => {
    const f = new Frame({ b: col.boolean([true, false, true, true]), c: col.category(['x', 'y', 'z', 'x']) });
    expect(new OneHotEncoder({ drop: 'first' }).fitTransform(f).names).toEqual(['b=true', 'c=y', 'c=z']);
    const ifBinary = new OneHotEncoder({ drop: 'if_binary' }).fit(f);
    expect(ifBinary.transform(f).names).toEqual(['b=true', 'c=x', 'c=y', 'c=z']);
    expect(ifBinary.featureNamesOut(['b', 'c'])).toEqual(['b=true', 'c=x', 'c=y', 'c=z']);
  });

  it('learns only the labels present at fit, not the whole dictionary', () => {
    const f = new Frame({ c: col.category(['y', 'y'], ['x', 'y', 'z']) });
    expect(new OneHotEncoder().fit(f).state.categories).toEqual([['y']]);
  });

  describe('infrequent categories', () => {
    // a ×4, b ×3, c ×2, d ×1, missing ×2
    const labels = ['a', 'b', 'a', 'c', null, 'a', 'b', 'd', 'c', 'b', 'a', null];
    const f = new Frame({ c: col.category(labels) });
    const namesOf = (p: ConstructorParameters<typeof OneHotEncoder>[0]) =>
      new OneHotEncoder(p).fit(f).featureNamesOut(['c']);

    it('groups categories seen fewer than minFrequency times (a count) into one last output', () => {
      expect(namesOf({ minFrequency: 3 })).toEqual(['c=a', 'c=b', 'c=<infrequent>']);
      const enc = new OneHotEncoder({ minFrequency: 3 }).fit(f);
      expect(enc.state.infrequent).toEqual([[2, 3, 4]]); // c, d and the missing slot
      const out = enc.transform(f);
      expect(Array.from(out.columnOf('c=<infrequent>', 'number').values)).toEqual(
        labels.map((l) => (l === 'a' || l === 'b' ? 0 : 1)),
      );
    });

    it('reads a minFrequency below 1 as a share of the fit rows, missing rows included', () => {
      // 12 rows × 0.25 = 3: the same as the count 3
      expect(namesOf({ minFrequency: 0.25 })).toEqual(['c=a', 'c=b', 'c=<infrequent>']);
      expect(namesOf({ minFrequency: 0.1 })).toEqual(['c=a', 'c=b', 'c=c', 'c=<missing>', 'c=<infrequent>']);
    });

    it('keeps at most maxCategories outputs, the rarest grouped first, ties by label order', () => {
      expect(namesOf({ maxCategories: 3 })).toEqual(['c=a', 'c=b', 'c=<infrequent>']);
      // c and missing both have 2 rows: c (the earlier) is grouped first
      expect(namesOf({ maxCategories: 4 })).toEqual(['c=a', 'c=b', 'c=<missing>', 'c=<infrequent>']);
      expect(namesOf({ maxCategories: 6 })).toEqual(['c=a', 'c=b', 'c=c', 'c=d', 'c=<missing>']);
    });

    it('groups every category under maxCategories 1 (as scikit-learn 1.3; 1.2 grouped none)', () => {
      const out = new OneHotEncoder({ maxCategories: 1 }).fitTransform(f);
      expect(out.names).toEqual(['c=<infrequent>']);
      expect(Array.from(out.columnOf('c=<infrequent>', 'number').values)).toEqual(labels.map(() => 1));
    });

    it("sends unknown labels to the group under 'infrequent_if_exist', else to all zeros", () => {
      const fresh = new Frame({ c: col.category(['zzz', 'a']) });
      const grouped = new OneHotEncoder({ minFrequency: 3, handleUnknown: 'infrequent_if_exist' }).fit(f);
      expect(rows(grouped.transform(fresh))).toEqual([
        { 'c=a': 0, 'c=b': 0, 'c=<infrequent>': 1 },
        { 'c=a': 1, 'c=b': 0, 'c=<infrequent>': 0 },
      ]);
      const ignoring = new OneHotEncoder({ minFrequency: 3 }).fit(f);
      expect(rows(ignoring.transform(fresh))[0]).toEqual({ 'c=a': 0, 'c=b': 0, 'c=<infrequent>': 0 });
      const none = new OneHotEncoder({ handleUnknown: 'infrequent_if_exist' }).fit(f);
      expect(Object.values(rows(none.transform(fresh))[0]).every((v) => v === 0)).toBe(true);
      const strict = new OneHotEncoder({ minFrequency: 3, handleUnknown: 'error' }).fit(f);
      expect(() => strict.transform(fresh)).toThrow(InputError);
      // a known infrequent label is not unknown
      expect(rows(strict.transform(new Frame({ c: col.category(['d']) })))).toEqual([
        { 'c=a': 0, 'c=b': 0, 'c=<infrequent>': 1 },
      ]);
    });

    it('counts outputs after grouping for drop', () => {
      expect(namesOf({ minFrequency: 3, drop: 'first' })).toEqual(['c=b', 'c=<infrequent>']);
      expect(namesOf({ maxCategories: 2, drop: 'if_binary' })).toEqual(['c=<infrequent>']);
      expect(namesOf({ maxCategories: 3, drop: 'if_binary' })).toEqual(['c=a', 'c=b', 'c=<infrequent>']);
    });

    it('saves format 2 and still reads a format-1 state (no groups)', () => {
      const enc = new OneHotEncoder().fit(f);
      expect(enc.toJSON().formatVersion).toBe(2);
      const { infrequent: _, ...old } = enc.state;
      const back = OneHotEncoder.fromJSON({ ...enc.toJSON(), formatVersion: 1, state: old });
      expect(rows(back.transform(f))).toEqual(rows(enc.transform(f)));
    });
  });

  it('leaves number and text columns alone', () => {
    const f = mixedFrame();
    const out = new OneHotEncoder().fitTransform(f);
    expect(out.column('x')).toBe(f.column('x'));
    expect(out.column('note')).toBe(f.column('note'));
    expect(out.names).toEqual([
      'x',
      'z',
      'color=blue',
      'color=green',
      'color=red',
      'color=<missing>',
      'flag=false',
      'flag=true',
      'flag=<missing>',
      'note',
    ]);
  });
});
