import { describe, expect, it } from 'vitest';
import { MISSING_LABEL, OneHotEncoder } from './one-hot-encoder.js';
import { DATASETS, inputFrame, loadFixture } from './testing/fixtures.js';

describe.each(DATASETS)('OneHotEncoder(handleUnknown: ignore) matches scikit-learn on %s', (dataset) => {
  const fx = loadFixture(dataset);
  const cases = fx.OneHotEncoder.map((c) => [`drop ${c.params.drop}, fit on ${c.fitRows} rows`, c] as const);
  it.each(cases)('%s', (_, c) => {
    const frame = inputFrame(fx, c.columns);
    const fitFrame = c.fitRowIndex ? frame.take(c.fitRowIndex) : frame;
    const enc = new OneHotEncoder(c.params).fit(fitFrame);
    // scikit-learn lists missing values (NaN) as the last category
    const learned = enc.state.categories.map((cats, j) => [
      ...cats,
      ...(enc.state.withMissing[j] ? [null] : []),
    ]);
    expect(learned).toEqual(c.categories);
    const out = enc.transform(frame);
    const bits = out.names.map((name) => Array.from(out.columnOf(name, 'number').values).join(''));
    expect(bits).toEqual(c.out);
    expect(out.names.some((n) => n.endsWith(`=${MISSING_LABEL}`))).toBe(
      c.categories.some((cs) => cs.includes(null)),
    );
  });
});
