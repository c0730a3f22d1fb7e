import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { toNested } from '../data/matrix.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError, ParamError } from '../util/errors.js';
import type { TrainEvent } from '../util/events.js';
import { parseTyped, stringifyTyped } from '../util/typed-json.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { Pipeline } from './pipeline.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import { MajorityClassifier, MeanRegressor } from './testing/estimators.js';
import { mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

/** mixedFrame without its text column: what a model can take once encoded. */
const features = () => mixedFrame().drop(['note']);
const target = () => Float64Array.from([1, 2, 3, 4, 5, 6]);
const regression = (model = new MeanRegressor()) =>
  new Pipeline({
    steps: [
      new SimpleImputer({ strategy: 'median' }),
      new SimpleImputer({ strategy: 'most_frequent' }),
      new StandardScaler(),
      new OneHotEncoder(),
      model,
    ],
  });

runEstimatorContract<Pipeline, Frame>({
  name: 'Pipeline',
  make: (p) => regression().withParams((p ?? {}) as never),
  restore: (json) => Pipeline.fromJSON(json),
  data: () => ({ X: features(), y: target() }),
  fit: (est, X, y) => est.fit(X, y as Float64Array),
  output: (est, X) => est.predict(X),
  wrongWidth: (X) => withoutColumn(X, 'z'),
  withNaN: (X) => withMissing(X, 'x', 0),
  nan: 'accept',
  badParams: [
    { steps: [] },
    { steps: [new StandardScaler()] },
    { steps: [new MeanRegressor(), new StandardScaler()] },
    { steps: [new MeanRegressor(), new MeanRegressor()] },
  ],
});

describe('Pipeline', () => {
  it('feeds the model the transformed columns, by name and in fit order', () => {
    const p = regression().fit(features(), target());
    expect(p.featureNamesOut()).toEqual([
      'x',
      'z',
      'color=blue',
      'color=green',
      'color=red',
      'flag=false',
      'flag=true',
    ]);
    const m = p.transformToMatrix(features());
    expect([m.rows, m.cols]).toEqual([6, 7]);
    // row 1: color missing → most frequent label (blue and red tie: blue); flag false
    expect(toNested(m)[1].slice(2)).toEqual([1, 0, 0, 1, 0]);
    // a request with its columns in another order and an extra column predicts the same
    const shuffled = features()
      .select(['flag', 'color', 'z', 'x'])
      .with('extra', col.text(['', '', '', '', '', '']));
    expect(Array.from(p.predict(shuffled))).toEqual(Array.from(p.predict(features())));
  });

  it('names a missing input column', () => {
    const p = regression().fit(features(), target());
    expect(() => p.predict(features().drop(['color']))).toThrow(/no column 'color'/);
  });

  it('never fits or changes the step objects it was given', () => {
    const scaler = new StandardScaler();
    const model = new MeanRegressor();
    const p = new Pipeline({ steps: [scaler, model] }).fit(
      new Frame({ a: col.number([1, 2, 3, 4, 5, 6]) }),
      target(),
    );
    expect(p.isFitted).toBe(true);
    expect(scaler.isFitted).toBe(false);
    expect(model.isFitted).toBe(false);
    expect(p.params.steps[0]).toBe(scaler);
    expect(Object.isFrozen(p.params.steps)).toBe(true);
  });

  it('clone and withParams give unfitted copies with their own step objects', () => {
    const p = regression().fit(features(), target());
    const copy = p.clone();
    expect(copy.isFitted).toBe(false);
    copy.params.steps.forEach((s, i) => {
      expect(s).not.toBe(p.params.steps[i]);
      expect(s.params).toEqual(p.params.steps[i].params);
    });
    const shifted = p.withStepParams(4, { shift: 100 });
    expect(shifted.isFitted).toBe(false);
    expect(shifted.params.steps[4].params).toEqual({ shift: 100 });
    expect(p.params.steps[4].params).toEqual({ shift: 0 });
    const diff = shifted.fit(features(), target()).predict(features())[0] - p.predict(features())[0];
    expect(diff).toBeCloseTo(100, 9);
    expect(() => p.withStepParams(5, {})).toThrow(InputError);
  });

  it('passes y and sample weights to the model, and reports progress', () => {
    const events: TrainEvent[] = [];
    const w = Float64Array.from([1, 0, 0, 0, 0, 0]);
    const f = features().select(['x']);
    const p = new Pipeline({ steps: [new SimpleImputer(), new MeanRegressor()] });
    p.fit(f, target(), { sampleWeight: w, onEvent: (e) => events.push(e) });
    expect(p.state.model.state).toMatchObject({ mean: 1 });
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'end']);
  });

  it('refuses y of another length', () => {
    expect(() => regression().fit(features(), Float64Array.from([1, 2]))).toThrow(/6 rows but y has 2/);
  });

  it('gives class probabilities through a classifier, and refuses them otherwise', () => {
    const y = Float64Array.from([0, 1, 1, 2, 1, 0]);
    const p = new Pipeline({ steps: [new SimpleImputer(), new MajorityClassifier()] }).fit(
      features().select(['x', 'z']),
      y,
    );
    expect(p.isClassifier).toBe(true);
    expect(Array.from(p.classes)).toEqual([0, 1, 2]);
    expect(Array.from(p.predict(features()))).toEqual([1, 1, 1, 1, 1, 1]);
    const proba = p.predictProba(features());
    expect([proba.rows, proba.cols]).toEqual([6, 3]);
    expect(toNested(proba)[0]).toEqual([2 / 6, 3 / 6, 1 / 6]);
    const r = regression().fit(features(), target());
    expect(r.isClassifier).toBe(false);
    expect(() => r.predictProba(features())).toThrow(/not a classifier/);
  });

  it('transform runs all steps but the model', () => {
    const p = regression().fit(features(), target());
    expect(p.transform(features()).names).toEqual(p.featureNamesOut());
  });

  it('saves as plain data (every step through its own toJSON) and restores through the registry', () => {
    const p = regression().fit(features(), target());
    const json = parseTyped(stringifyTyped(p.toJSON())) as ReturnType<Pipeline['toJSON']>;
    const steps = (json.params as unknown as { steps: { kind: string; state: unknown }[] }).steps;
    expect(steps.map((s) => s.kind)).toEqual([
      'SimpleImputer',
      'SimpleImputer',
      'StandardScaler',
      'OneHotEncoder',
      'test.MeanRegressor',
    ]);
    expect(steps.every((s) => s.state === null)).toBe(true);
    const back = Pipeline.fromJSON(json);
    expect(back).toBeInstanceOf(Pipeline);
    expect(Array.from(back.predict(features()))).toEqual(Array.from(p.predict(features())));
    // an unfitted pipeline round-trips too
    expect(Pipeline.fromJSON(regression().toJSON()).isFitted).toBe(false);
  });

  it('refuses a saved pipeline with an unknown or misplaced step', () => {
    const json = regression().fit(features(), target()).toJSON() as unknown as {
      params: { steps: { kind: string }[] };
      state: { transformers: unknown[]; model: unknown };
    };
    const unknown = structuredClone(json);
    unknown.params.steps[0].kind = 'Pickle';
    expect(() => Pipeline.fromJSON(unknown as never)).toThrow(/unknown estimator kind 'Pickle'/);
    const swapped = structuredClone(json);
    swapped.state.model = swapped.state.transformers[0];
    expect(() => Pipeline.fromJSON(swapped as never)).toThrow(InputError);
    expect(() => Pipeline.fromJSON({ ...json, params: {} } as never)).toThrow(/no steps/);
  });

  it('names the steps param when steps do not fit together', () => {
    let err: unknown;
    try {
      new Pipeline({ steps: [new MeanRegressor(), new MeanRegressor()] }).fit(features(), target());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParamError);
    expect((err as Error).message).toMatch(/transformers followed by one model/);
  });
});

describe('Pipeline templates', () => {
  it('saves a fitted template by its params only, and refits it at fit', () => {
    const f = new Frame({ a: col.number([1, 2, 3, 4, 5, 6]) });
    const fittedScaler = new StandardScaler().fit(new Frame({ a: col.number([100, 200]) }));
    const p = new Pipeline({ steps: [fittedScaler, new MeanRegressor()] });
    const saved = p.toJSON() as unknown as { params: { steps: { state: unknown }[] } };
    expect(saved.params.steps[0].state).toBeNull();
    p.fit(f, target());
    expect((p.state.transformers[0] as StandardScaler).state.center[0]).toBe(3.5);
    expect(fittedScaler.state.center[0]).toBe(150);
  });
});
