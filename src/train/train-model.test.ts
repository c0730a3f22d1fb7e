import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { loadFrame } from '../data/load.js';
import { InputError } from '../util/errors.js';
import type { TrainEvent } from '../util/events.js';
import '../catalog.js';
import { trainModel } from './train-model.js';

const dataset = (name: string) => fileURLToPath(new URL(`../../datasets/${name}`, import.meta.url));

describe('trainModel', () => {
  let penguins: Frame;
  beforeAll(async () => {
    penguins = await loadFrame(dataset('penguins.csv'));
  });

  it('trains a multiclass classifier with automatic preprocessing and holdout metrics', () => {
    const events: TrainEvent[] = [];
    const { model, metrics, trainMetrics } = trainModel(penguins, {
      target: 'species',
      onEvent: (e) => events.push(e),
    });
    expect(model.info.task).toBe('classification');
    expect(model.info.model).toBe('logistic');
    expect(model.info.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(model.info.primaryMetric).toBe('f1_macro');
    expect(model.info.rows.train + model.info.rows.test).toBe(344);
    expect(metrics.f1_macro).toBeGreaterThan(0.9);
    expect(trainMetrics.accuracy).toBeGreaterThanOrEqual(metrics.accuracy - 0.05);
    expect(model.info.features.map((f) => f.name).sort()).toEqual(
      ['beak_depth_mm', 'beak_length_mm', 'body_mass_g', 'flipper_length_mm', 'island', 'sex'].sort(),
    );
    expect(model.info.dataFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(model.profile.features)).toContain('island');
    expect(model.profile.prediction?.kind).toBe('category');
    // the optimizer reported its loss per iteration through onEvent
    expect(events.filter((e) => e.type === 'step' && e.phase === 'lbfgs').length).toBeGreaterThan(5);
  });

  it('infers regression and trains ridge on numbers', async () => {
    const diabetes = await loadFrame(dataset('diabetes.csv'));
    const { model, metrics } = trainModel(diabetes, { target: 'target', seed: 3 });
    expect(model.info.task).toBe('regression');
    expect(model.info.model).toBe('ridge');
    expect(metrics.r2).toBeGreaterThan(0.3);
    expect(metrics.rmse).toBeGreaterThan(0);
    const p = model.predict(diabetes.slice(0, 5));
    expect(p.values).toHaveLength(5);
    expect(p.labels).toBeUndefined();
  });

  it('is reproducible for a seed, and the seed changes the split', () => {
    const a = trainModel(penguins, { target: 'species', seed: 1 }).metrics;
    const b = trainModel(penguins, { target: 'species', seed: 1 }).metrics;
    const c = trainModel(penguins, { target: 'species', seed: 2 }).metrics;
    expect(b).toEqual(a);
    expect(c.log_loss).not.toBe(a.log_loss);
  });

  it('uses an explicit test frame instead of a split, training on every given row', () => {
    const train = penguins.slice(0, 300);
    const test = penguins.slice(300);
    const { model } = trainModel(train, { target: 'species', test });
    expect(model.info.rows).toEqual({ train: 300, test: 44 });
  });

  it('keeps ids and ignored columns away from the model', () => {
    const n = penguins.nRows;
    const withId = penguins.with('penguin_id', col.text(Array.from({ length: n }, (_, i) => `p${i}`)));
    const { model } = trainModel(withId, { target: 'species', roles: { island: 'ignore' } });
    const names = model.info.features.map((f) => f.name);
    expect(names).not.toContain('penguin_id');
    expect(names).not.toContain('island');
  });

  it('refuses what cannot be learned, naming the column', () => {
    const expectInput = (f: () => unknown, pattern: RegExp) => {
      expect(f).toThrow(InputError);
      expect(f).toThrow(pattern);
    };
    expectInput(
      () => trainModel(penguins, { target: 'sex', source: 'p.csv' }),
      /p\.csv: target column 'sex' has missing values/,
    );
    const oneClass = new Frame({ x: col.number([1, 2, 3, 4]), y: col.category(['a', 'a', 'a', 'a']) });
    expectInput(() => trainModel(oneClass, { target: 'y' }), /only one class/);
    const noFeatures = new Frame({
      t: col.datetime(['2020-01-01', '2020-01-02', '2020-01-03']),
      y: col.number([1, 2, 3]),
    });
    expectInput(() => trainModel(noFeatures, { target: 'y' }), /no usable feature columns/);
    expectInput(
      () => trainModel(penguins, { target: 'species', model: 'ridge' }),
      /'ridge' is for regression/,
    );
    expectInput(() => trainModel(penguins, { target: 'nope' }), /no column 'nope'/);
  });
});
