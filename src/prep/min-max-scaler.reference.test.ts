import { describe, expect, it } from 'vitest';
import { MinMaxScaler } from './min-max-scaler.js';
import {
  atRows,
  expectNear,
  loadNumericFixture,
  NUMERIC_DATASETS,
  numberFrame,
} from './testing/numeric-fixtures.js';

describe.each(NUMERIC_DATASETS)('MinMaxScaler matches scikit-learn on %s', (dataset) => {
  const fx = loadNumericFixture(dataset);
  const frame = numberFrame(fx);
  it.each(
    fx.MinMaxScaler.map((c) => [`${JSON.stringify(c.params)} fit on ${c.fitRows ?? 'all'} rows`, c] as const),
  )('%s', (_, c) => {
    const fitFrame = c.fitRows === null ? frame : frame.slice(0, c.fitRows);
    const scaler = new MinMaxScaler(c.params).fit(fitFrame);
    expectNear(scaler.state.dataMin, c.dataMin, 1e-9, 'dataMin');
    expectNear(scaler.state.dataMax, c.dataMax, 1e-9, 'dataMax');
    expectNear(scaler.state.scale, c.scale, 1e-9, 'scale');
    expectNear(scaler.state.min, c.min, 1e-9, 'min');
    if (!c.out) return;
    const out = scaler.transform(frame);
    expect(out.names).toEqual(frame.names);
    frame.names.forEach((name, j) => {
      expectNear(atRows(out.columnOf(name, 'number').values, fx.rows), c.out?.[j] ?? [], 1e-9, name);
    });
  });
});
