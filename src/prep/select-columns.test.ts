import { describe, expect, it } from 'vitest';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { SelectColumns } from './select-columns.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'SelectColumns',
  make: (p) => new SelectColumns({ columns: ['z', 'color'], ...p }),
  restore: (json) => SelectColumns.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'z'),
  withNaN: (X) => withMissing(X, 'z', 0),
  nan: 'accept',
  badParams: [{ columns: null }, { columns: ['a', 'a'] }],
});

describe('SelectColumns', () => {
  it('keeps the named columns in the given order', () => {
    const t = new SelectColumns({ columns: ['flag', 'x'] }).fit(mixedFrame());
    expect(t.transform(mixedFrame()).names).toEqual(['flag', 'x']);
    expect(t.featureNamesOut(mixedFrame().names)).toEqual(['flag', 'x']);
  });
  it('refuses a column the frame lacks at fit', () => {
    expect(() => new SelectColumns({ columns: ['nope'] }).fit(mixedFrame())).toThrow(InputError);
  });
});
