import { describe, expect, it } from 'vitest';
import { schemaOf } from '../data/schema.js';
import { LogisticRegression } from '../models/linear/index.js';
import { parseTyped, stringifyTyped } from '../util/typed-json.js';
import { autoPreprocess } from './auto-preprocess.js';
import { LabelEncoder } from './label-encoder.js';
import { Pipeline } from './pipeline.js';
import { inputFrame, loadFixture } from './testing/fixtures.js';

describe('autoPreprocess(linear) + LogisticRegression on penguin species', () => {
  const fx = loadFixture('penguins');
  const frame = inputFrame(fx, [...Object.keys(fx.input.numbers), ...Object.keys(fx.input.categories)]);
  const rows = Array.from({ length: frame.nRows }, (_, i) => i);
  const train = rows.filter((i) => i % 4 !== 0);
  const test = rows.filter((i) => i % 4 === 0);

  it('classifies held-out rows, gives probabilities per class, and round-trips', () => {
    const labels = new LabelEncoder().fit(frame.column('species'));
    const y = labels.transform(frame.column('species'));
    const { steps } = autoPreprocess(schemaOf(frame, { species: 'target' }), 'linear');
    const p = new Pipeline({ steps: [...steps, new LogisticRegression()] });
    p.fit(
      frame.take(train),
      Float64Array.from(train, (i) => y[i]),
    );
    expect(p.isClassifier).toBe(true);
    expect(Array.from(p.classes)).toEqual([0, 1, 2]);

    const request = frame.take(test).drop(['species']);
    const pred = p.predict(request);
    const truth = labels.inverse(Float64Array.from(test, (i) => y[i]));
    const named = labels.inverse(pred);
    const accuracy = named.filter((l, i) => l === truth[i]).length / test.length;
    expect(accuracy).toBeGreaterThan(0.95);

    const proba = p.predictProba(request);
    expect([proba.rows, proba.cols]).toEqual([test.length, 3]);
    for (let i = 0; i < proba.rows; i++) {
      const row = proba.data.subarray(i * 3, i * 3 + 3);
      expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 12);
      expect(row.indexOf(Math.max(...row))).toBe(pred[i]);
    }

    const back = Pipeline.fromJSON(parseTyped(stringifyTyped(p.toJSON())) as ReturnType<Pipeline['toJSON']>);
    expect(Array.from(back.predictProba(request).data)).toEqual(Array.from(proba.data));
  });
});
