import { describe, expect, it } from 'vitest';
import { schemaOf } from '../data/schema.js';
import { Ridge } from '../models/linear/index.js';
import { parseTyped, stringifyTyped } from '../util/typed-json.js';
import { autoPreprocess } from './auto-preprocess.js';
import { Pipeline } from './pipeline.js';
import { expectClose, inputFrame, loadFixture } from './testing/fixtures.js';

describe('autoPreprocess(linear) + Ridge matches scikit-learn ColumnTransformer + Ridge on penguins', () => {
  const fx = loadFixture('penguins');
  const ref = fx.RidgePipeline!;
  const all = inputFrame(fx, [...Object.keys(fx.input.numbers), ...Object.keys(fx.input.categories)]);
  const data = all.take(ref.rows);
  const train = ref.rows.map((_, i) => i).filter((i) => i % ref.testEvery !== 0);
  const test = ref.rows.map((_, i) => i).filter((i) => i % ref.testEvery === 0);
  const y = data.columnOf(ref.target, 'number').values;

  it('predicts the held-out rows within 1e-6 g', () => {
    const { steps } = autoPreprocess(schemaOf(data, { [ref.target]: 'target' }), 'linear');
    const p = new Pipeline({ steps: [...steps, new Ridge({ alpha: ref.alpha })] });
    p.fit(
      data.take(train),
      Float64Array.from(train, (i) => y[i]),
    );
    // the test rows arrive without their target, as a request would
    const request = data.take(test).drop([ref.target]);
    expectClose(p.predict(request), ref.predictions, 1e-6);
    const back = Pipeline.fromJSON(parseTyped(stringifyTyped(p.toJSON())) as ReturnType<Pipeline['toJSON']>);
    expect(Array.from(back.predict(request))).toEqual(Array.from(p.predict(request)));
  });
});
