import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { holdoutSplit } from '../data/split.js';
import { Pipeline } from './pipeline.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import { fitLog, MeanRegressor, RecordingTransformer } from './testing/estimators.js';

/** 40 rows with an id column and a feature whose scale differs between train and test rows. */
function data(): { frame: Frame; y: Float64Array } {
  const n = 40;
  const id = new Float64Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    id[i] = i;
    x[i] = i % 7 === 0 ? Number.NaN : i * i;
    y[i] = i;
  }
  return { frame: new Frame({ id: { kind: 'number', values: id }, x: col.number(x) }), y };
}

describe('Pipeline.fit lets no step see rows outside the training set', () => {
  it('every transformer is fitted on exactly the training rows, also when predicting the test rows', () => {
    const { frame, y } = data();
    const { train, test } = holdoutSplit(frame.nRows, { testSize: 0.25, seed: 3 });
    const p = new Pipeline({
      steps: [
        new RecordingTransformer({ idColumn: 'id' }),
        new SimpleImputer({ strategy: 'mean' }),
        new RecordingTransformer({ idColumn: 'id' }),
        new StandardScaler(),
        new MeanRegressor(),
      ],
    });
    fitLog.length = 0;
    p.fit(
      frame.take(train),
      Float64Array.from(train, (i) => y[i]),
    );
    p.predict(frame.take(test));
    const trainIds = Array.from(train);
    expect(fitLog).toEqual([trainIds, trainIds]);
    const recorders = p.state.transformers.filter((t) => t instanceof RecordingTransformer);
    for (const r of recorders) expect((r.state as { fitIds: number[] }).fitIds).toEqual(trainIds);
    for (const testId of test) expect(fitLog.flat()).not.toContain(testId);
  });

  it('learns statistics from the training rows only', () => {
    const { frame, y } = data();
    const train = Int32Array.from({ length: 20 }, (_, i) => i);
    const p = new Pipeline({
      steps: [
        new SimpleImputer({ strategy: 'mean', columns: ['x'] }),
        new StandardScaler({ columns: ['x'] }),
        new MeanRegressor(),
      ],
    }).fit(frame.take(train), y.subarray(0, 20));
    const xs = Array.from(frame.take(train).columnOf('x', 'number').values).filter((v) => !Number.isNaN(v));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const [imputer, scaler] = p.state.transformers as [SimpleImputer, StandardScaler];
    expect(imputer.state.fills[0]).toBeCloseTo(mean, 9);
    expect(scaler.state.center[0]).toBeCloseTo(mean, 9);
    // predicting later rows, whose x is far larger, leaves every learned statistic as it was
    const before = JSON.stringify([
      imputer.state.fills,
      Array.from(scaler.state.center),
      Array.from(scaler.state.scale),
    ]);
    p.predict(frame.slice(20));
    expect(
      JSON.stringify([imputer.state.fills, Array.from(scaler.state.center), Array.from(scaler.state.scale)]),
    ).toBe(before);
  });
});
