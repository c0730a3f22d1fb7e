import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

runEstimatorContract({
  name: 'MinMaxScaler',
  make: (p) => new MinMaxScaler(p),
  restore: (json) => MinMaxScaler.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'x'),
  withNaN: (X) => withMissing(X, 'z', 1),
  nan: 'accept',
  badParams: [
    { featureRange: [1, 0] },
    { featureRange: [0, 0] },
    { featureRange: [0, Number.POSITIVE_INFINITY] },
    { featureRange: [0] },
    { clip: 'yes' },
    { columns: 'x' },
  ],
});

const values = (f: Frame, name: string) => Array.from(f.columnOf(name, 'number').values);

describe('MinMaxScaler', () => {
  it('maps the training range onto [0, 1] and keeps missing values missing', () => {
    const f = new Frame({ a: col.number([2, 4, null, 6]) });
    const out = values(new MinMaxScaler().fitTransform(f), 'a');
    expect(out.slice(0, 2)).toEqual([0, 0.5]);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBe(1);
  });
  it('maps onto another range, and clips new rows into it when asked', () => {
    const train = new Frame({ a: col.number([0, 10]) });
    const rows = new Frame({ a: col.number([-5, 5, 20]) });
    expect(values(new MinMaxScaler({ featureRange: [-1, 1] }).fit(train).transform(rows), 'a')).toEqual([
      -2, 0, 3,
    ]);
    expect(
      values(new MinMaxScaler({ featureRange: [-1, 1], clip: true }).fit(train).transform(rows), 'a'),
    ).toEqual([-1, 0, 1]);
  });
  it('leaves a constant column unscaled instead of dividing by zero', () => {
    const s = new MinMaxScaler().fit(new Frame({ c: col.number([7, 7, 7]) }));
    expect(s.state.scale[0]).toBe(1);
    expect(values(s.transform(new Frame({ c: col.number([7, 8]) })), 'c')).toEqual([0, 1]);
  });
  it('scales only number columns and passes the others through in place', () => {
    const f = mixedFrame();
    const out = new MinMaxScaler().fitTransform(f);
    expect(out.names).toEqual(f.names);
    expect(out.column('color')).toBe(f.column('color'));
    expect(new MinMaxScaler().fit(f).featureNamesOut(f.names)).toEqual(f.names);
  });
});
