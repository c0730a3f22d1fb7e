import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import type { EstimatorJSON } from '../models/estimator.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { Pipeline } from './pipeline.js';
import { type ClassSampler, RandomOverSampler, RandomUnderSampler } from './resample.js';
import { isResampler } from './resampler.js';
import { StandardScaler } from './standard-scaler.js';
import { MajorityClassifier, MeanRegressor } from './testing/estimators.js';
import { flattenFrame } from './testing/frames.js';

/** 12 rows, classes 0 (8 rows), 1 (3 rows) and 2 (1 row); `id` is the row number. */
function data(): { X: Frame; y: Float64Array } {
  const y = Float64Array.from([0, 1, 0, 0, 2, 0, 1, 0, 0, 1, 0, 0]);
  return {
    X: new Frame({ id: col.number(y.map((_, i) => i)), x: col.number(y.map((v, i) => v * 10 + i)) }),
    y,
  };
}

const counts = (y: Float64Array) => [0, 1, 2].map((c) => y.filter((v) => v === c).length);

function samplerContract<E extends ClassSampler>(
  name: string,
  make: (p: Record<string, unknown>) => E,
  restore: (json: EstimatorJSON<unknown, unknown>) => E,
): void {
  runEstimatorContract<E, Frame>({
    name,
    make: (p) => make(p ?? {}),
    restore,
    data,
    fit: (est, X, y) => est.fit(X, y),
    // what the next step trains on
    output: (est, X) => {
      est.state;
      return flattenFrame(est.clone().fitResample(X, data().y).frame);
    },
    seeded: true,
    badParams: [{ strategy: 'most' }, { strategy: 1.5 }, { strategy: { 0: -1 } }, { seed: 0.5 }],
  });
}
samplerContract(
  'RandomOverSampler',
  (p) => new RandomOverSampler(p),
  (json) => RandomOverSampler.fromJSON(json),
);
samplerContract(
  'RandomUnderSampler',
  (p) => new RandomUnderSampler(p),
  (json) => RandomUnderSampler.fromJSON(json),
);

describe('RandomOverSampler', () => {
  it("'auto' grows every class to the majority's rows, originals first then repeats of the class", () => {
    const { X, y } = data();
    const r = new RandomOverSampler({ seed: 3 }).fitResample(X, y);
    expect(counts(r.y!)).toEqual([8, 8, 8]);
    expect(Array.from(r.kept.slice(0, 12))).toEqual(Array.from({ length: 12 }, (_, i) => i));
    for (let i = 0; i < r.kept.length; i++) expect(r.y![i]).toBe(y[r.kept[i]]);
    expect(Array.from(r.frame.columnOf('id', 'number').values)).toEqual(Array.from(r.kept));
    expect(isResampler(new RandomOverSampler())).toBe(true);
  });

  it('a ratio for two classes, shares for several', () => {
    const y2 = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    const X2 = new Frame({ x: col.number(y2) });
    expect(counts(new RandomOverSampler({ strategy: 0.5 }).fitResample(X2, y2).y!)).toEqual([10, 5, 0]);
    const { X, y } = data();
    // 1 : 2 between classes 1 and 2 → class 2 grows to 6, class 1 keeps 3; class 0 untouched
    expect(counts(new RandomOverSampler({ strategy: { 1: 1, 2: 2 } }).fitResample(X, y).y!)).toEqual([
      8, 3, 6,
    ]);
    expect(() => new RandomOverSampler({ strategy: 0.5 }).fitResample(X, y)).toThrow(
      /needs two classes, got 3/,
    );
    expect(() => new RandomOverSampler({ strategy: { 7: 1 } }).fitResample(X, y)).toThrow(/names class "7"/);
  });

  it('refuses a regression target or none', () => {
    const { X } = data();
    expect(() =>
      new RandomOverSampler().fitResample(
        X,
        Float64Array.from({ length: 12 }, (_, i) => i / 3),
      ),
    ).toThrow(/not a class code/);
    expect(() => new RandomOverSampler().fitResample(X)).toThrow(InputError);
  });
});

describe('RandomUnderSampler', () => {
  it("'auto' shrinks every class to the minority's rows, kept rows in input order", () => {
    const { X, y } = data();
    const r = new RandomUnderSampler({ seed: 1 }).fitResample(X, y);
    expect(counts(r.y!)).toEqual([1, 1, 1]);
    expect(Array.from(r.kept)).toEqual([...r.kept].sort((a, b) => a - b));
    const other = new RandomUnderSampler({ seed: 2 }).fitResample(X, y);
    expect(counts(other.y!)).toEqual([1, 1, 1]);
    expect(new RandomUnderSampler({ seed: 1 }).fitResample(X, y).kept).toEqual(r.kept);
  });

  it('shares shrink the listed classes as little as possible', () => {
    const { X, y } = data();
    expect(counts(new RandomUnderSampler({ strategy: { 0: 2, 1: 1 } }).fitResample(X, y).y!)).toEqual([
      6, 3, 1,
    ]);
  });
});

describe('resamplers in a Pipeline', () => {
  it('change the rows the later steps and the model train on, and never the rows predicted', () => {
    const { X, y } = data();
    const p = new Pipeline({
      steps: [new RandomOverSampler(), new StandardScaler({ columns: ['x'] }), new MajorityClassifier()],
    });
    p.fit(X, y);
    expect(p.state.trainRows).toBe(24);
    // the classifier saw balanced classes: equal shares
    expect(Array.from(p.predictProba(X).data.slice(0, 3))).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(p.predict(X)).toHaveLength(12);
    expect(p.transform(X).nRows).toBe(12);
    // the scaler learned from the resampled rows
    const xs = Array.from(p.state.transformers[1].transform(X).columnOf('x', 'number').values);
    expect(xs).toHaveLength(12);
  });

  it('carry sample weights along with the rows', () => {
    const { X, y } = data();
    const w = Float64Array.from(y, (v) => (v === 2 ? 1 : 0));
    const p = new Pipeline({
      steps: [new RandomUnderSampler({ strategy: { 0: 1, 2: 1 } }), new MeanRegressor()],
    });
    p.fit(X, y, { sampleWeight: w });
    // only class 2's row has weight: the weighted mean of y is 2 whichever rows were kept
    expect((p.state.model as MeanRegressor).state.mean).toBe(2);
  });
});
