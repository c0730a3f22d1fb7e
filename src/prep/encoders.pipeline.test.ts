import { describe, expect, it } from 'vitest';
import type { Frame } from '../data/frame.js';
import { loadFrame } from '../data/load.js';
import { Estimator } from '../models/estimator.js';
import { type ParamSpecs, param } from '../models/params.js';
import { estimatorFromJSON } from '../models/registry.js';
import { parseTyped, stringifyTyped } from '../util/typed-json.js';
import { DateFeatures } from './date-features.js';
import { HashingVectorizer } from './hashing-vectorizer.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { Pipeline } from './pipeline.js';
import { SimpleImputer } from './simple-imputer.js';
import { TargetEncoder } from './target-encoder.js';
import { MeanRegressor } from './testing/estimators.js';
import { TextVectorizer } from './text-vectorizer.js';
import type { Transformer } from './transformer.js';

/** Passes frames through, keeping the values of one number column it was fitted on. */
class Capture extends Estimator<{ column: string }, { seen: number[] }> implements Transformer {
  readonly kind = 'test.Capture';
  protected readonly specs: ParamSpecs<{ column: string }> = { column: param.custom('', '', () => true) };
  constructor(params: Partial<{ column: string }> = {}) {
    super({ column: '' }, params);
  }
  fit(frame: Frame): this {
    this.fitted = { seen: Array.from(frame.columnOf(this.params.column, 'number').values) };
    return this;
  }
  transform(frame: Frame): Frame {
    return frame;
  }
  featureNamesOut(names: readonly string[]): string[] {
    return [...names];
  }
}

describe('encoders, dates and text in a Pipeline on cars.csv', async () => {
  const cars = await loadFrame('datasets/cars.csv');
  const known = Array.from({ length: cars.nRows }, (_, r) => r).filter(
    (r) => !Number.isNaN(cars.columnOf('mpg', 'number').values[r]),
  );
  const data = cars.take(known);
  const y = Float64Array.from(data.columnOf('mpg', 'number').values);
  const X = data.drop(['mpg']);
  const steps = () => [
    new DateFeatures({ columns: ['year'], parts: ['year'], elapsedFrom: 'fit' }),
    new TextVectorizer({ columns: ['name'], tfidf: true, maxFeatures: 20 }),
    new SimpleImputer({ strategy: 'median' }),
    new TargetEncoder({ columns: ['origin'], targetType: 'continuous' }),
    new MeanRegressor(),
  ];

  it('fits, predicts and survives a save and load with identical predictions', () => {
    const p = new Pipeline({ steps: steps() }).fit(X, y);
    const names = p.featureNamesOut();
    expect(names).toContain('year.year');
    expect(names).toContain('year.elapsed_days');
    expect(names).toContain('name=chevrolet');
    expect(names).toContain('origin');
    const back = estimatorFromJSON(parseTyped(stringifyTyped(p.toJSON())) as never) as Pipeline;
    expect(Array.from(back.predict(X))).toEqual(Array.from(p.predict(X)));
  });

  it('trains the next steps on the cross-fitted target encoding, and serves with the full-data one', () => {
    const p = new Pipeline({
      steps: [...steps().slice(0, 4), new Capture({ column: 'origin' }), new MeanRegressor()],
    });
    p.fit(X, y);
    const encoder = p.state.transformers[3] as TargetEncoder;
    const seen = (p.state.transformers[4] as Capture).state.seen;
    // what the steps after the encoder saw at fit is the out-of-fold encoding...
    const before = p.state.transformers.slice(0, 3).reduce((f, t) => t.transform(f), X);
    const outOfFold = new TargetEncoder(encoder.params)
      .fitTransformTrain(before, y)
      .columnOf('origin', 'number').values;
    expect(seen).toEqual(Array.from(outOfFold));
    // ...not the full-data encoding that transform gives new rows (three values: USA, Europe, Japan)
    const served = encoder.transform(before).columnOf('origin', 'number').values;
    expect(new Set(served).size).toBe(3);
    expect(seen).not.toEqual(Array.from(served));
  });

  it('one-hot groups rare origins and hashes names inside a pipeline', () => {
    const p = new Pipeline({
      steps: [
        new OneHotEncoder({ columns: ['origin'], maxCategories: 2 }),
        new HashingVectorizer({ columns: ['name'], nFeatures: 8 }),
        new SimpleImputer({ strategy: 'median' }),
        new DateFeatures({ columns: ['year'], parts: ['year'] }),
        new MeanRegressor(),
      ],
    }).fit(X, y);
    expect(p.featureNamesOut().filter((n) => n.startsWith('origin='))).toEqual([
      'origin=USA',
      'origin=<infrequent>',
    ]);
    expect(p.featureNamesOut().filter((n) => n.startsWith('name#'))).toHaveLength(8);
  });
});
