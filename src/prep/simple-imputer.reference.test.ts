import { describe, expect, it } from 'vitest';
import { SimpleImputer } from './simple-imputer.js';
import { DATASETS, expectClose, inputFrame, loadFixture } from './testing/fixtures.js';

describe.each(DATASETS)('SimpleImputer matches scikit-learn on %s', (dataset) => {
  const fx = loadFixture(dataset);
  it.each(fx.SimpleImputer.map((c) => [JSON.stringify(c.params), c] as const))('%s', (_, c) => {
    const frame = inputFrame(fx, c.columns);
    const imp = new SimpleImputer(c.params).fit(frame);
    const out = imp.transform(frame);
    if (c.names) {
      expect(out.names).toEqual(c.names);
      expect(imp.featureNamesOut(c.columns)).toEqual(c.names);
    } else expect(out.names).toEqual(c.columns);
    out.names.forEach((name, j) => {
      const column = out.column(name);
      if (column.kind === 'number') expectClose(column.values, c.out[j] as (number | null)[]);
      else expect(out.toRecords().map((r) => r[name])).toEqual(c.out[j]);
    });
    if (c.statistics) {
      const fills = imp.state.fills;
      if (typeof fills[0] === 'number') expectClose(fills as number[], c.statistics as number[]);
      else expect(fills).toEqual(c.statistics);
    }
  });
});
