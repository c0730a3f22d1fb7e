import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { SelectKBest, topK } from './select-k-best.js';
import { flattenFrame, withMissing, withoutColumn } from './testing/frames.js';

/** y depends on a strongly, on b weakly, not at all on c; plus a category that passes through. */
function data(): { X: Frame; y: Float64Array } {
  const n = 40;
  const a = Array.from({ length: n }, (_, i) => i);
  const b = Array.from({ length: n }, (_, i) => ((i * 7) % 11) + (i > 20 ? 3 : 0));
  const c = Array.from({ length: n }, (_, i) => (i * 13) % 17);
  const X = new Frame({
    a: col.number(a),
    color: col.category(a.map((i) => (i % 2 ? 'red' : 'blue'))),
    b: col.number(b),
    c: col.number(c),
  });
  return { X, y: Float64Array.from(a, (i) => (i >= 20 ? 1 : 0)) };
}

runEstimatorContract({
  name: 'SelectKBest',
  make: (p) => new SelectKBest({ k: 2, ...p }),
  restore: (json) => SelectKBest.fromJSON(json),
  data,
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'a'),
  withNaN: (X) => withMissing(X, 'b', 3),
  nan: 'reject',
  seeded: true,
  badParams: [{ k: -1 }, { k: 1.5 }, { k: 'some' }, { score: 'chi2' }, { seed: 0.5 }],
});

describe('SelectKBest', () => {
  it('keeps the k best-scoring number columns in place and passes other columns through', () => {
    const { X, y } = data();
    const sel = new SelectKBest({ k: 2 }).fit(X, y);
    expect(sel.state.kept).toEqual(['a', 'b']);
    expect(sel.transform(X).names).toEqual(['a', 'color', 'b']);
    expect(sel.state.pValues).not.toBeNull();
  });
  it('scores with f_regression and mutual information too', () => {
    const { X, y } = data();
    const target = Float64Array.from(X.columnOf('a', 'number').values, (v) => v * 2 + 1);
    expect(new SelectKBest({ k: 1, score: 'f_regression' }).fit(X, target).state.kept).toEqual(['a']);
    const mi = new SelectKBest({ k: 1, score: 'mutual_info_classif' }).fit(X, y);
    expect(mi.state.kept).toEqual(['a']);
    expect(mi.state.pValues).toBeNull();
    expect(new SelectKBest({ k: 1, score: 'mutual_info_regression' }).fit(X, target).state.kept).toEqual([
      'a',
    ]);
  });
  it("keeps everything for k 'all' or a k beyond the number of columns, nothing for k 0", () => {
    const { X, y } = data();
    expect(new SelectKBest({ k: 'all' }).fit(X, y).state.kept).toEqual(['a', 'b', 'c']);
    expect(new SelectKBest().fit(X, y).state.kept).toEqual(['a', 'b', 'c']);
    expect(new SelectKBest({ k: 0 }).fit(X, y).transform(X).names).toEqual(['color']);
  });
  it('needs a target and refuses missing values, naming the column and row', () => {
    const { X, y } = data();
    expect(() => new SelectKBest().fit(X)).toThrow(InputError);
    let err: unknown;
    try {
      new SelectKBest().fit(withMissing(X, 'c', 5), y);
    } catch (e) {
      err = e;
    }
    expect((err as InputError).details).toMatchObject({ column: 'c', row: 5 });
    const badY = Float64Array.from(y);
    badY[2] = Number.NaN;
    expect(() => new SelectKBest().fit(X, badY)).toThrow(/row 2/);
  });
});

describe('topK', () => {
  it('picks as scikit-learn does: ties to the later column, NaN last', () => {
    expect(topK(Float64Array.from([1, 3, 3, 2]), 1)).toEqual([false, false, true, false]);
    expect(topK(Float64Array.from([Number.NaN, 0, 5]), 2)).toEqual([false, true, true]);
  });
});
