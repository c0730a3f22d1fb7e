import { describe, expect, it } from 'vitest';
import { expectNear, loadNumericFixture, NUMERIC_DATASETS, numberFrame } from './testing/numeric-fixtures.js';
import { VarianceThreshold } from './variance-threshold.js';

describe.each(NUMERIC_DATASETS)('VarianceThreshold matches scikit-learn on %s', (dataset) => {
  const fx = loadNumericFixture(dataset);
  const frame = numberFrame(fx);
  it.each(fx.VarianceThreshold.map((c) => [JSON.stringify(c.params), c] as const))('%s', (_, c) => {
    const vt = new VarianceThreshold(c.params).fit(frame);
    expectNear(vt.state.variances, c.variances, 1e-9, 'variance');
    const kept = frame.names.filter((_, j) => c.support[j]);
    expect(vt.state.kept).toEqual(kept);
    expect(vt.transform(frame).names).toEqual(kept);
    expect(vt.featureNamesOut(frame.names)).toEqual(kept);
  });
});
