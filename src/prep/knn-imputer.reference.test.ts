import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { KNNImputer } from './knn-imputer.js';
import {
  expectNear,
  loadNumericFixture,
  NUMERIC_DATASETS,
  type NumericFixture,
} from './testing/numeric-fixtures.js';

/** The fixture's columns, with the cells the script blanked set missing. */
function knnInput(fx: NumericFixture): Frame {
  const names = Object.keys(fx.input);
  const columns = names.map((n) => Float64Array.from(fx.input[n], (v) => v ?? Number.NaN));
  for (const [r, c] of fx.blanked ?? []) columns[c][r] = Number.NaN;
  return new Frame(names.map((n, j) => [n, col.number(columns[j])] as const));
}

describe.each(NUMERIC_DATASETS)('KNNImputer matches scikit-learn on %s', (dataset) => {
  const fx = loadNumericFixture(dataset);
  const frame = knnInput(fx);
  it.each(fx.KNNImputer.map((c) => [JSON.stringify(c.params), c] as const))('%s', (_, c) => {
    const imp = new KNNImputer(c.params).fit(frame);
    const out = imp.transform(frame);
    expect(out.names).toEqual(c.names);
    expect(imp.featureNamesOut(frame.names)).toEqual(c.names);
    const names = frame.names;
    const got = c.filled.map(([r, j]) => out.columnOf(names[j], 'number').values[r]);
    expectNear(
      got,
      c.filled.map(([, , v]) => v),
      1e-9,
      'filled',
    );
    // every cell that was present passes through untouched
    for (const name of names) {
      const a = frame.columnOf(name, 'number').values;
      const b = out.columnOf(name, 'number').values;
      for (let r = 0; r < a.length; r++) if (!Number.isNaN(a[r])) expect(b[r]).toBe(a[r]);
      expect(b.some(Number.isNaN)).toBe(false);
    }
  });
});
