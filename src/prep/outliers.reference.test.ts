import { describe, expect, it } from 'vitest';
import { OutlierClipper } from './outlier-clipper.js';
import { OutlierRemover } from './outlier-remover.js';
import { expectNear, loadNumericFixture, NUMERIC_DATASETS, numberFrame } from './testing/numeric-fixtures.js';

describe.each(NUMERIC_DATASETS)('outlier bounds match numpy on %s', (dataset) => {
  const fx = loadNumericFixture(dataset);
  const frame = numberFrame(fx);
  it.each(fx.OutlierClipper.map((c) => [JSON.stringify(c.params), c] as const))(
    'OutlierClipper %s',
    (_, c) => {
      const clipper = new OutlierClipper(c.params).fit(frame);
      expectNear(clipper.state.lower, c.lower, 1e-9, 'lower');
      expectNear(clipper.state.upper, c.upper, 1e-9, 'upper');
      const out = clipper.transform(frame);
      frame.names.forEach((name, j) => {
        const v = frame.columnOf(name, 'number').values;
        const o = out.columnOf(name, 'number').values;
        const lo = clipper.state.lower[j];
        const hi = clipper.state.upper[j];
        for (let r = 0; r < v.length; r++) {
          if (Number.isNaN(v[r])) expect(o[r]).toBeNaN();
          else expect(o[r]).toBe(Math.min(hi, Math.max(lo, v[r])));
        }
      });
    },
  );
  it.each(fx.OutlierRemover.map((c) => [JSON.stringify(c.params), c] as const))(
    'OutlierRemover %s',
    (_, c) => {
      const { frame: kept, kept: rows } = new OutlierRemover(c.params).fitResample(frame);
      expect(Array.from(rows)).toEqual(c.kept);
      expect(kept.nRows).toBe(c.kept.length);
    },
  );
});
