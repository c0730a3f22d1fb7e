import { describe, expect, it } from 'vitest';
import { PolynomialFeatures } from './polynomial-features.js';
import { expectNear, loadNumericFixture, NUMERIC_DATASETS, numberFrame } from './testing/numeric-fixtures.js';

describe.each(NUMERIC_DATASETS)('PolynomialFeatures matches scikit-learn on %s', (dataset) => {
  const fx = loadNumericFixture(dataset);
  const { columns, rows, cases } = fx.PolynomialFeatures;
  const frame = numberFrame(fx, columns, rows);
  it.each(cases.map((c) => [JSON.stringify(c.params), c] as const))('%s', (_, c) => {
    const pf = new PolynomialFeatures(c.params).fit(frame);
    const out = pf.transform(frame);
    expect(out.names).toEqual(c.names);
    expect(pf.featureNamesOut(columns)).toEqual(c.names);
    // the same products in the same order: equal to the bit
    c.names.forEach((name, j) => {
      expectNear(out.columnOf(name, 'number').values, c.out[j], 0, name);
    });
  });
});
