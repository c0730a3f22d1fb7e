import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError } from '../util/errors.js';
import { OutlierRemover } from './outlier-remover.js';
import { Pipeline } from './pipeline.js';
import { isResampler, takeRows } from './resampler.js';
import { MeanRegressor } from './testing/estimators.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';
import { isTransformer } from './transformer.js';

runEstimatorContract({
  name: 'OutlierRemover',
  make: (p) => new OutlierRemover(p),
  restore: (json) => OutlierRemover.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  // the pass-through frame and the learned bounds (state throws NotFittedError before fit)
  output: (est, X) => {
    const s = est.state;
    return Float64Array.from([...flattenFrame(est.transform(X)), ...s.lower, ...s.upper]);
  },
  wrongWidth: (X) => withoutColumn(X, 'x'),
  withNaN: (X) => withMissing(X, 'z', 1),
  nan: 'accept',
  badParams: [{ method: 'iqr2' }, { factor: -1 }, { threshold: 0 }, { columns: 'x' }],
});

const frame = () =>
  new Frame({
    a: col.number([1, 2, 3, 4, 5, 6, 7, 8, 100, null]),
    b: col.number([10, 11, 12, 13, 14, 15, 16, 17, 18, -500]),
    label: col.category(['p', 'q', 'p', 'q', 'p', 'q', 'p', 'q', 'p', 'q']),
  });

describe('OutlierRemover', () => {
  it('is a transformer and a resampler', () => {
    expect(isTransformer(new OutlierRemover())).toBe(true);
    expect(isResampler(new OutlierRemover())).toBe(true);
  });
  it('removes training rows outside the fences of any column; a missing value is not an outlier', () => {
    const f = frame();
    const y = Float64Array.from({ length: 10 }, (_, i) => i * 10);
    const r = new OutlierRemover().fitResample(f, y);
    // row 8 (a = 100) and row 9 (b = -500) go; row 9's missing a does not matter
    expect(Array.from(r.kept)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(r.frame.nRows).toBe(8);
    expect(Array.from(r.y ?? [])).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(r.frame.names).toEqual(f.names);
    expect(
      takeRows(
        Float64Array.from({ length: 10 }, (_, i) => i),
        r.kept,
      ),
    ).toEqual(Float64Array.from(r.kept));
  });
  it('never removes rows at prediction time', () => {
    const f = frame();
    const rm = new OutlierRemover();
    rm.fitResample(f);
    expect(rm.transform(f)).toBe(f);
    expect(rm.state.rowsRemoved).toBe(2);
    expect(rm.featureNamesOut(f.names)).toEqual(f.names);
  });
  it('removes by z-score', () => {
    const f = new Frame({ a: col.number([...Array.from({ length: 20 }, () => 0), 10]) });
    expect(new OutlierRemover({ method: 'zscore', threshold: 3 }).fitResample(f).kept.length).toBe(20);
    expect(new OutlierRemover({ method: 'zscore', threshold: 5 }).fitResample(f).kept.length).toBe(21);
  });
  it('says so when every row would go, naming the param to loosen', () => {
    // two rows, each one standard deviation from the mean: z = 1 > 0.5 for both
    const f = new Frame({ a: col.number([0, 1]), b: col.number([1, 0]) });
    let err: unknown;
    try {
      new OutlierRemover({ method: 'zscore', threshold: 0.5 }).fitResample(f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).details.field).toBe('threshold');
  });
  it('refuses a target of another length', () => {
    expect(() => new OutlierRemover().fitResample(frame(), new Float64Array(3))).toThrow(InputError);
  });
  it('in a Pipeline, trains without the outlier rows and still predicts every row', () => {
    const f = new Frame({
      a: col.number([1, 2, 3, 4, 5, 6, 7, 8, 100, 5]),
      b: col.number([10, 11, 12, 13, 14, 15, 16, 17, 18, -500]),
    });
    const y = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1000, 1000]);
    const p = new Pipeline({ steps: [new OutlierRemover(), new MeanRegressor()] }).fit(f, y);
    // the two outlier rows (and their targets of 1000) never reach the model
    expect(p.state.trainRows).toBe(8);
    const pred = p.predict(f);
    expect(pred).toHaveLength(10);
    // MeanRegressor: training mean of y (1) + shift 0 + 1e-3 × the row's feature sum
    expect(pred[0]).toBeCloseTo(1 + 1e-3 * (1 + 10), 12);
    expect(pred[8]).toBeCloseTo(1 + 1e-3 * (100 + 18), 12);
  });
});
