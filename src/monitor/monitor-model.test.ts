import { beforeAll, describe, expect, it } from 'vitest';
import { col } from '../data/frame.js';
import { trainModel } from '../train/train-model.js';
import type { TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
import { chooseMethod, columnDriftMetric, datasetDriftMetric, qualityMetric } from './index.js';
import { monitorModel } from './monitor-model.js';
import { byDrift } from './severity.js';
import { shopFrame, shopModel } from './testing.js';

let model: TrainedModel;
beforeAll(() => {
  model = shopModel();
});

describe('monitorModel', () => {
  it('finds no drift in fresh rows from the training distribution', () => {
    const s = monitorModel(model, { inputs: shopFrame(1500, { salt: 7 }) });
    expect(s.verdict).toEqual({ drifted: false, reasons: [] });
    expect(s.features.map((f) => [f.column, f.drifted])).toEqual([
      ['size', false],
      ['load', false],
      ['region', false],
    ]);
    expect(s.prediction?.drifted).toBe(false);
    expect(s.dataset).toMatchObject({ share: 0, drifted: false, driftedColumns: 0, columns: 3 });
    for (const f of s.features) expect(f.psi).toBeLessThan(0.05);
  });

  it('chooses tests for small samples and distances for large ones', () => {
    const small = monitorModel(model, { inputs: shopFrame(300, { salt: 7 }) });
    expect(small.features.map((f) => f.method)).toEqual(['ks', 'ks', 'chisquare']);
    expect(small.features[0].pValue).toBeGreaterThan(0.05);
    expect(small.features[0].distance).toBeNull();
    const large = monitorModel(model, { inputs: shopFrame(1500, { salt: 7 }) });
    expect(large.features.map((f) => f.method)).toEqual(['wasserstein', 'wasserstein', 'jensenshannon']);
    expect(large.features[0].pValue).toBeNull();
    expect(large.prediction?.method).toBe('jensenshannon');
  });

  it('flags a shifted feature and a changed category mix, and the prediction drift they cause', () => {
    const inputs = shopFrame(1500, {
      salt: 7,
      shift: 6,
      regions: ['north', 'north', 'north', 'south', 'mars'],
    });
    const s = monitorModel(model, { inputs });
    const by = Object.fromEntries(s.features.map((f) => [f.column, f]));
    expect(by.size.drifted).toBe(true);
    expect(by.load.drifted).toBe(false);
    expect(by.region.drifted).toBe(true);
    expect(by.region.newLabels).toEqual(['mars']);
    expect(by.region.distribution).toMatchObject({ type: 'labels' });
    expect(s.dataset).toMatchObject({ driftedColumns: 2, drifted: true });
    expect(s.prediction?.drifted).toBe(true);
    expect(s.verdict.drifted).toBe(true);
    expect(s.verdict.reasons.join(' ')).toMatch(/dataset drift: 2 of 3 features.*prediction drift/);
    expect(
      byDrift(s.features)
        .map((f) => f.column)
        .slice(2),
    ).toEqual(['load']);
    // the same shift, small: KS and chi-square agree
    const small = monitorModel(model, { inputs: inputs.slice(0, 400) });
    expect(small.features.filter((f) => f.drifted).map((f) => f.method)).toEqual(['ks', 'chisquare']);
  });

  it('lets PSI decide on request, and honours the drift share and thresholds', () => {
    const inputs = shopFrame(1500, { salt: 7, shift: 6 });
    const psi = monitorModel(model, { inputs }, { method: 'psi' });
    expect(psi.features.every((f) => f.method === 'psi' && f.score === f.psi)).toBe(true);
    expect(psi.features[0].drifted).toBe(true);
    const strict = monitorModel(model, { inputs }, { driftShare: 0.3 });
    expect(strict.dataset).toMatchObject({ driftedColumns: 1, drifted: true, threshold: 0.3 });
    const lax = monitorModel(model, { inputs }, { thresholds: { wasserstein: 10 } });
    expect(lax.features[0].drifted).toBe(false);
    expect(lax.features[0].threshold).toBe(10);
  });

  it('returns a frozen snapshot that survives JSON', () => {
    const s = monitorModel(
      model,
      { inputs: shopFrame(200, { salt: 3 }) },
      { now: new Date('2024-05-01T00:00:00Z') },
    );
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.features[0].distribution)).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.createdAt).toBe('2024-05-01T00:00:00.000Z');
    expect(s.features[0].metric).toBe('column_drift(column=size,method=auto)');
  });

  it('scores the model over time where feedback exists, beside its training metrics', () => {
    const inputs = shopFrame(600, { salt: 9 });
    const day = 86_400_000;
    const t0 = Date.UTC(2024, 0, 1);
    const times = Float64Array.from(
      { length: 600 },
      (_, i) => t0 + Math.floor(i / 200) * day + (i % 200) * 1000,
    );
    // feedback on every other row; the last day's labels all flipped, so quality falls
    const truth = inputs.column('label');
    if (truth.kind !== 'category') throw new Error('label is categorical');
    const labels = Array.from(truth.values, (c, i) => {
      if (i % 2) return null;
      const l = truth.categories[c];
      return i >= 400 ? (l === 'big' ? 'small' : 'big') : l;
    });
    const s = monitorModel(model, { inputs, feedback: col.category(labels), times });
    const q = s.quality!;
    expect(q.primaryMetric).toBe(model.info.primaryMetric);
    expect(q.overall.rows).toBe(300);
    expect(q.buckets.map((b) => [b.start, b.rows])).toEqual([
      ['2024-01-01T00:00:00.000Z', 100],
      ['2024-01-02T00:00:00.000Z', 100],
      ['2024-01-03T00:00:00.000Z', 100],
    ]);
    const acc = q.buckets.map((b) => b.metrics.accuracy!);
    expect(acc[0]).toBeGreaterThan(0.7);
    expect(acc[2]).toBeLessThan(0.3);
    expect(q.training.accuracy).toBe(model.info.metrics.accuracy);
    expect(s.window).toMatchObject({ withFeedback: 300, first: '2024-01-01T00:00:00.000Z' });
    const weekly = monitorModel(model, { inputs, feedback: col.category(labels), times }, { period: 'week' });
    expect(weekly.quality!.buckets).toHaveLength(1);
  });

  it('takes served predictions as given, and labels the model never saw as errors', () => {
    const inputs = shopFrame(300, { salt: 4 });
    const served = col.category(Array.from({ length: 300 }, () => 'big'));
    const s = monitorModel(model, {
      inputs,
      predictions: served,
      feedback: col.category(Array(300).fill('huge')),
    });
    expect(s.prediction?.drifted).toBe(true);
    expect(s.quality?.overall.metrics.accuracy).toBe(0);
  });

  it('refuses an empty window, misaligned columns and a method that does not fit the column', () => {
    const inputs = shopFrame(50);
    expect(() => monitorModel(model, { inputs: inputs.slice(0, 0) })).toThrow(/no rows to monitor/);
    expect(() => monitorModel(model, { inputs, times: new Float64Array(3) })).toThrow(
      /times has 3 values for 50/,
    );
    expect(() => monitorModel(model, { inputs: inputs.drop(['load']) })).toThrow(/column 'load' is missing/);
    expect(() => monitorModel(model, { inputs }, { method: 'ks' })).toThrow(
      /'ks' does not apply to categorical column 'region'/,
    );
    expect(() => monitorModel(model, { inputs }, { driftShare: 0 })).toThrow(InputError);
    expect(() => monitorModel(model, { inputs }, { thresholds: { ks: -1 } })).toThrow(/thresholds.ks/);
    expect(() => monitorModel(model, { inputs }, { period: 'fortnight' })).toThrow(/period must be/);
  });

  it('reports a feature whose current values are all missing as drifted, with a note', () => {
    const inputs = shopFrame(100).with('load', col.number(Array(100).fill(null)));
    const load = monitorModel(model, { inputs }).features.find((f) => f.column === 'load')!;
    expect(load).toMatchObject({ drifted: true, score: null, note: 'every current value is missing' });
    expect(load.missing.current).toBe(1);
  });
});

describe('metric configs', () => {
  it('have stable ids that name their non-default parameters', () => {
    expect(columnDriftMetric('size').id).toBe('column_drift(column=size,method=auto)');
    expect(columnDriftMetric('size', { method: 'psi', thresholds: { psi: 0.2 } }).id).toBe(
      'column_drift(column=size,method=psi,psi=0.2)',
    );
    expect(datasetDriftMetric(['a'], { driftShare: 0.3 }).id).toBe(
      'dataset_drift(drift_share=0.3,method=auto)',
    );
    expect(qualityMetric('6h').id).toBe('model_quality(period=6h)');
  });
});

describe('chooseMethod', () => {
  it('tests small samples, measures large ones, and keeps many labels on chi-square until the distance’s noise is small', () => {
    const n = (referenceRows: number, currentRows: number, bins?: number) => ({
      referenceRows,
      currentRows,
      bins,
    });
    expect(chooseMethod('auto', 'number', n(9000, 1000))).toBe('ks');
    expect(chooseMethod('auto', 'number', n(9000, 1001))).toBe('wasserstein');
    expect(chooseMethod('auto', 'category', n(9000, 1001, 3))).toBe('jensenshannon');
    // 101 airports: Jensen-Shannon needs n1 n2 / (n1 + n2) >= 100 / (4 * 0.1^2) = 2500
    expect(chooseMethod('auto', 'category', n(9000, 3000, 101))).toBe('chisquare');
    expect(chooseMethod('auto', 'category', n(9000, 4000, 101))).toBe('jensenshannon');
    expect(chooseMethod('psi', 'category', n(10, 10))).toBe('psi');
  });
});

describe('other targets and kinds', () => {
  it('monitors a regressor (numeric predictions and error metrics) with a boolean feature', () => {
    const frame = shopFrame(1500, { salt: 11 });
    const flag = (f: typeof frame) =>
      f.with('express', col.boolean(Array.from({ length: f.nRows }, (_, i) => i % 3 === 0)));
    const reg = trainModel(flag(frame).drop(['label']), { target: 'load', name: 'load' }).model;
    const inputs = flag(shopFrame(1200, { salt: 12, shift: 4 }));
    const s = monitorModel(reg, { inputs, feedback: inputs.column('load') });
    expect(s.prediction).toMatchObject({ column: 'prediction', kind: 'number', method: 'wasserstein' });
    expect(s.features.find((f) => f.column === 'express')).toMatchObject({ kind: 'boolean', drifted: false });
    expect(s.features.find((f) => f.column === 'size')?.drifted).toBe(true);
    expect(Object.keys(s.quality!.overall.metrics)).toEqual(['rmse', 'mae', 'r2', 'mse']);
    expect(s.quality!.primaryMetric).toBe('rmse');
    expect(s.quality!.direction).toBe('min');
  });
});
