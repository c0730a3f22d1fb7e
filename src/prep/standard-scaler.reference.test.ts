import { describe, expect, it } from 'vitest';
import { StandardScaler } from './standard-scaler.js';
import { DATASETS, expectClose, inputFrame, loadFixture } from './testing/fixtures.js';

describe.each(DATASETS)('StandardScaler matches scikit-learn on %s', (dataset) => {
  const fx = loadFixture(dataset);
  it.each(fx.StandardScaler.map((c) => [JSON.stringify(c.params), c] as const))('%s', (_, c) => {
    const frame = inputFrame(fx, c.columns);
    const scaler = new StandardScaler(c.params).fit(frame);
    const out = scaler.transform(frame);
    expect(out.names).toEqual(c.columns);
    c.columns.forEach((name, j) => {
      expectClose(out.columnOf(name, 'number').values, c.out[j]);
    });
    if (c.params.withMean) expectClose(scaler.state.center, c.mean);
    expectClose(scaler.state.scale, c.scale ?? c.columns.map(() => 1));
  });
});
