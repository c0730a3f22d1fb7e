import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { TargetEncoder, typeOfTarget } from './target-encoder.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'TargetEncoder',
  make: (p) => new TargetEncoder(p),
  restore: (json) => TargetEncoder.fromJSON(json),
  data: () => ({ X: mixedFrame(), y: Float64Array.from([1.5, 2, 3.25, 0.5, 7, 4]) }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'color'),
  withNaN: (X) => withMissing(X, 'x', 2),
  nan: 'accept',
  seeded: true,
  badParams: [
    { smooth: -1 },
    { smooth: 'big' },
    { cv: 1 },
    { cv: 2.5 },
    { seed: 0.5 },
    { targetType: 'ordinal' },
    { columns: 'color' },
  ],
});

/** 60 rows: city a..e (e rare), a continuous target that depends on the city, plus noise. */
function cities(): { frame: Frame; y: Float64Array } {
  const names = ['a', 'b', 'c', 'd'];
  const labels = Array.from({ length: 60 }, (_, r) => (r % 29 === 0 ? 'e' : names[r % 4]));
  const y = Float64Array.from(labels, (l, r) => l.charCodeAt(0) - 96 + ((r * 7919) % 13) / 13);
  return { frame: new Frame({ city: col.category(labels), n: col.number(y.map((v) => -v)) }), y };
}

/** The encoder with folds given by the test, so a changed target cannot move rows between folds. */
class GivenFolds extends TargetEncoder {
  static folds: Int32Array;
  protected override assignFolds(): Int32Array {
    return GivenFolds.folds;
  }
}

describe('TargetEncoder', () => {
  it('replaces a category column by its shrunk target mean; other columns pass through', () => {
    const { frame, y } = cities();
    const enc = new TargetEncoder({ smooth: 0 }).fit(frame, y);
    const out = enc.transform(frame);
    expect(out.names).toEqual(['city', 'n']);
    expect(out.column('n')).toBe(frame.column('n'));
    const v = out.columnOf('city', 'number').values;
    const rowsOf = (l: string) =>
      Array.from(frame.columnOf('city', 'category').values.keys()).filter((r) => frame.cell('city', r) === l);
    for (const l of ['a', 'e']) {
      const rows = rowsOf(l);
      const mean = rows.reduce((s, r) => s + y[r], 0) / rows.length;
      for (const r of rows) expect(v[r]).toBeCloseTo(mean, 12);
    }
    // smoothing pulls the rare city towards the overall mean more than the common ones
    const auto = new TargetEncoder().fit(frame, y).transform(frame).columnOf('city', 'number').values;
    const overall = y.reduce((a, b) => a + b, 0) / y.length;
    const [e] = rowsOf('e');
    expect(Math.abs(auto[e] - overall)).toBeLessThan(Math.abs(v[e] - overall));
  });

  it("cross-fits the training rows: a row's encoding does not move when its own target does", () => {
    const { frame, y } = cities();
    const enc = new TargetEncoder({ cv: 5, seed: 3 });
    const base = enc.fitTransformTrain(frame, y).columnOf('city', 'number').values;
    let movedOthers = 0;
    for (const r of [0, 1, 7, 29, 58]) {
      const changed = Float64Array.from(y);
      changed[r] = 1e6;
      const out = new TargetEncoder({ cv: 5, seed: 3 })
        .fitTransformTrain(frame, changed)
        .columnOf('city', 'number').values;
      expect(out[r], `row ${r}`).toBe(base[r]);
      for (let i = 0; i < out.length; i++) if (out[i] !== base[i]) movedOthers++;
    }
    // the change did reach rows of other folds, so the test is not vacuous
    expect(movedOthers).toBeGreaterThan(0);
    // and fit().transform() of the same rows is not cross-fitted: it differs
    const plain = enc.fit(frame, y).transform(frame).columnOf('city', 'number').values;
    expect(Array.from(plain)).not.toEqual(Array.from(base));
  });

  it('cross-fits binary and multiclass targets too: flipping a row’s class leaves its own encoding', () => {
    const { frame } = cities();
    GivenFolds.folds = Int32Array.from({ length: 60 }, (_, r) => (r * 7) % 5);
    const binary = Float64Array.from({ length: 60 }, (_, r) => (r % 4 === 0 || r % 7 === 0 ? 1 : 0));
    const three = Float64Array.from({ length: 60 }, (_, r) => (r % 4) % 3);
    for (const y of [binary, three]) {
      const before = new GivenFolds().fitTransformTrain(frame, y);
      for (const r of [0, 3, 29]) {
        const flipped = Float64Array.from(y);
        flipped[r] = y[r] === 0 ? 1 : 0;
        const after = new GivenFolds().fitTransformTrain(frame, flipped);
        for (const name of before.names.filter((n) => n.startsWith('city')))
          expect(after.columnOf(name, 'number').values[r], `${name} row ${r}`).toBe(
            before.columnOf(name, 'number').values[r],
          );
      }
    }
  });

  it('fitTransform is the cross-fitted output, as scikit-learn’s fit_transform', () => {
    const { frame, y } = cities();
    const a = new TargetEncoder({ seed: 1 }).fitTransform(frame, y);
    const b = new TargetEncoder({ seed: 1 }).fitTransformTrain(frame, y);
    expect(a.toRecords()).toEqual(b.toRecords());
  });

  it('gives one <col>.y=<class> column per class for a multiclass target', () => {
    const { frame } = cities();
    const y = Float64Array.from({ length: 60 }, (_, r) => (r % 4) % 3);
    const enc = new TargetEncoder().fit(frame, y);
    expect(enc.state.targetType).toBe('multiclass');
    const out = enc.transform(frame);
    expect(out.names).toEqual(['city.y=0', 'city.y=1', 'city.y=2', 'n']);
    expect(enc.featureNamesOut(['city', 'n'])).toEqual(out.names);
    // with no smoothing each row's class shares sum to one
    const plain = new TargetEncoder({ smooth: 0 }).fit(frame, y).transform(frame);
    const sum = ['city.y=0', 'city.y=1', 'city.y=2'].reduce(
      (s, n) => s + plain.columnOf(n, 'number').values[5],
      0,
    );
    expect(sum).toBeCloseTo(1, 12);
  });

  it('reads a binary target as the share of the larger class', () => {
    const f = new Frame({ c: col.category(['x', 'x', 'y', 'y', 'y']) });
    const enc = new TargetEncoder({ smooth: 0 }).fit(f, Float64Array.from([3, 7, 7, 7, 3]));
    expect(enc.state.classes).toEqual([3, 7]);
    expect(Array.from(enc.transform(f).columnOf('c', 'number').values)).toEqual([
      0.5,
      0.5,
      2 / 3,
      2 / 3,
      2 / 3,
    ]);
  });

  it('keeps missing values as a category of their own; unseen labels and missing get the mean', () => {
    const f = new Frame({ c: col.category(['x', null, 'x', null, 'y', 'y']) });
    const y = Float64Array.from([1, 10, 1, 10, 4, 4]);
    const enc = new TargetEncoder({ smooth: 0, targetType: 'continuous' }).fit(f, y);
    const out = enc.transform(new Frame({ c: col.category([null, 'zzz', 'y']) }));
    expect(Array.from(out.columnOf('c', 'number').values)).toEqual([10, 5, 4]);
    const noMissing = new TargetEncoder({ smooth: 0, targetType: 'continuous' }).fit(
      new Frame({ c: col.category(['x', 'y']) }),
      Float64Array.from([1, 3]),
    );
    expect(
      Array.from(noMissing.transform(new Frame({ c: col.category([null]) })).columnOf('c', 'number').values),
    ).toEqual([2]);
  });

  it('encodes booleans by label, like categories', () => {
    const f = new Frame({ b: col.boolean([true, false, true, false]) });
    const enc = new TargetEncoder({ smooth: 0, targetType: 'continuous' }).fit(
      f,
      Float64Array.from([1, 2, 3, 4]),
    );
    expect(Array.from(enc.transform(f).columnOf('b', 'number').values)).toEqual([2, 3, 2, 3]);
  });

  it('names what is wrong with the target', () => {
    const { frame, y } = cities();
    const fails = (fn: () => unknown, pattern: RegExp) => {
      expect(fn).toThrow(InputError);
      expect(fn).toThrow(pattern);
    };
    fails(() => new TargetEncoder().fit(frame), /needs the target/);
    fails(() => new TargetEncoder().fit(frame, y.subarray(1)), /60 rows but y has 59/);
    const holed = Float64Array.from(y);
    holed[4] = Number.NaN;
    fails(() => new TargetEncoder().fit(frame, holed), /row 4/);
    fails(
      () => new TargetEncoder({ targetType: 'binary' }).fit(frame, Float64Array.from(y, Math.floor)),
      /binary/,
    );
    fails(
      () => new TargetEncoder({ cv: 10 }).fitTransformTrain(frame.slice(0, 6), y.subarray(0, 6)),
      /6 rows in 10 folds/,
    );
  });

  it('reads target types as scikit-learn’s type_of_target does', () => {
    expect(typeOfTarget(Float64Array.from([0, 1, 1]))).toBe('binary');
    expect(typeOfTarget(Float64Array.from([2, 2]))).toBe('binary');
    expect(typeOfTarget(Float64Array.from([0, 1, 2]))).toBe('multiclass');
    expect(typeOfTarget(Float64Array.from([0, 1, 0.5]))).toBe('continuous');
  });
});
