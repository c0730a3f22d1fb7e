import { describe, expect, it } from 'vitest';
import { type Column, col, Frame } from '../data/frame.js';
import { LogisticRegression } from '../models/linear/logistic-regression.js';
import { OneHotEncoder } from '../prep/one-hot-encoder.js';
import { OrdinalEncoder } from '../prep/ordinal-encoder.js';
import { SelectColumns } from '../prep/select-columns.js';
import { SimpleImputer } from '../prep/simple-imputer.js';
import { StandardScaler } from '../prep/standard-scaler.js';
import { trainModel } from '../train/train-model.js';
import type { TrainedModel } from '../train/trained-model.js';
import { Rng } from '../util/random.js';
import { checkCompiled, probeRows } from './compiled-check.js';
import { compilePredictor } from './compiled-predictor.js';
import { framePlan, inputFrame, rowsInput } from './request-frame.js';
import { strictCategoryColumns } from './strict-categories.js';
import { diabetesModel, penguinsModel, penguinsWith } from './testing/penguins.js';

/** The compiled predictor must give the pipeline's predictions exactly, on rows it never saw. */
function expectSamePredictions(
  model: TrainedModel,
  rows = probeRows(model.info.features, strictCategoryColumns(model), 200),
) {
  const compiled = compilePredictor(model);
  expect(compiled).not.toBeNull();
  const plan = framePlan(model.info.features);
  const input = rowsInput(rows);
  const want = model.predict(inputFrame(plan, input));
  const got = compiled!.predict(input);
  expect(Array.from(got.values)).toEqual(Array.from(want.values));
  expect(got.labels).toEqual(want.labels);
  if (want.proba) expect(Array.from(got.proba!.data)).toEqual(Array.from(want.proba.data));
  expect(checkCompiled(model, compiled!, plan, strictCategoryColumns(model))).toEqual({ ok: true });
}

describe('compiled predictor', () => {
  it('equals the automatic pipeline: logistic on penguins, ridge on diabetes', async () => {
    expectSamePredictions(await penguinsModel());
    expectSamePredictions(await diabetesModel());
  });

  it('equals hand-built pipelines: indicators, constant fills, dropped outputs, ordinal codes', async () => {
    const numbers = ['beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g'];
    const pipelines = [
      [
        new SelectColumns({ columns: ['island', ...numbers, 'sex'] }),
        new SimpleImputer({ strategy: 'mean', columns: numbers, addIndicator: true }),
        new SimpleImputer({ strategy: 'constant', fillValue: 'unknown', columns: ['sex'] }),
        new StandardScaler({ columns: numbers, withMean: false }),
        new OneHotEncoder({ columns: ['island', 'sex'], drop: 'first' }),
        new LogisticRegression({ C: 0.5 }),
      ],
      [
        new SelectColumns({ columns: ['island', ...numbers, 'sex'] }),
        new SimpleImputer({ strategy: 'median', columns: numbers }),
        new OneHotEncoder({ columns: ['sex'], drop: 'if_binary' }),
        new OrdinalEncoder({ columns: ['island'], unknownValue: -7 }),
        new LogisticRegression(),
      ],
      [
        new SelectColumns({ columns: [...numbers, 'island'] }),
        new SimpleImputer({ strategy: 'median', columns: numbers }),
        new OneHotEncoder({ columns: ['island'] }),
        new StandardScaler(), // scales the one-hot outputs too
        new LogisticRegression(),
      ],
    ];
    for (const steps of pipelines) expectSamePredictions(await penguinsWith(steps));
  });

  it('equals the pipeline on boolean and nullable category features', () => {
    const rng = new Rng(7);
    const n = 300;
    const x = Array.from({ length: n }, () => rng.normal());
    const flag = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : rng.next() < 0.4));
    const color = Array.from({ length: n }, (_, i) =>
      i % 13 === 0 ? null : ['red', 'green', 'blue'][rng.int(3)],
    );
    const y = x.map((v, i) => (v + (flag[i] ? 1 : 0) + (color[i] === 'red' ? 0.5 : 0) > 0.5 ? 'yes' : 'no'));
    const frame = new Frame({
      x: col.number(x),
      flag: col.boolean(flag),
      color: col.category(color),
      label: col.category(y),
    } as Record<string, Column>);
    const { model } = trainModel(frame, { target: 'label', model: 'logistic' });
    expect(model.info.features.map((f) => f.kind)).toEqual(['number', 'boolean', 'category']);
    expectSamePredictions(model);
  });

  it('refuses to compile what it does not know, so the pipeline is used', async () => {
    class HalfScaler extends StandardScaler {}
    const model = await penguinsWith([
      new SelectColumns({ columns: ['beak_length_mm', 'body_mass_g'] }),
      new SimpleImputer({ columns: ['beak_length_mm', 'body_mass_g'] }),
      new HalfScaler(),
      new LogisticRegression(),
    ]);
    expect(compilePredictor(model)).toBeNull();
  });

  it('is caught by the probe check when it disagrees with the pipeline', async () => {
    const a = await penguinsModel();
    const b = await penguinsWith([
      new SelectColumns({
        columns: ['island', 'beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex'],
      }),
      new SimpleImputer({
        strategy: 'mean',
        columns: ['beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g'],
      }),
      new SimpleImputer({ strategy: 'most_frequent', columns: ['island', 'sex'] }),
      new StandardScaler({
        columns: ['beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g'],
      }),
      new OneHotEncoder({ columns: ['island', 'sex'] }),
      new LogisticRegression(),
    ]);
    const check = checkCompiled(b, compilePredictor(a)!, framePlan(b.info.features), new Set());
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(/^row \d+, column '.+': /);
  });
});
