import { describe, expect, it } from 'vitest';
import { RobustScaler } from './robust-scaler.js';
import {
  atRows,
  expectNear,
  loadNumericFixture,
  NUMERIC_DATASETS,
  numberFrame,
} from './testing/numeric-fixtures.js';

describe.each(NUMERIC_DATASETS)('RobustScaler matches scikit-learn on %s', (dataset) => {
  const fx = loadNumericFixture(dataset);
  const frame = numberFrame(fx);
  it.each(fx.RobustScaler.map((c) => [JSON.stringify(c.params), c] as const))('%s', (_, c) => {
    const scaler = new RobustScaler(c.params).fit(frame);
    const ones = frame.names.map(() => 1);
    const zeros = frame.names.map(() => 0);
    expectNear(scaler.state.center, c.center ?? zeros, 1e-9, 'center');
    expectNear(scaler.state.scale, c.scale ?? ones, 1e-9, 'scale');
    if (!c.out) return;
    const out = scaler.transform(frame);
    expect(out.names).toEqual(frame.names);
    frame.names.forEach((name, j) => {
      expectNear(atRows(out.columnOf(name, 'number').values, fx.rows), c.out?.[j] ?? [], 1e-9, name);
    });
  });
});
