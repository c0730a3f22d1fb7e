import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from '../data/frame.js';
import { loadFrame } from '../data/index.js';
import { holdoutSplit } from '../data/split.js';
import { trainModel } from '../train/train-model.js';
import type { TrainedModel } from '../train/trained-model.js';
import { monitorModel } from './monitor-model.js';
import type { MonitorSnapshot } from './snapshot.js';

/**
 * A real case: US flights of 2001 (datasets/flights-2001.csv). A delay classifier trained on three
 * quarters of January is monitored on the held-out quarter and on June. Numeric features come from
 * SQL (date features are not transformers yet): the hour of departure and the ISO weekday.
 */
const csv = fileURLToPath(new URL('../../datasets/flights-2001.csv', import.meta.url));
const month = (m: number) => ({
  sql: `select epoch_ms(departure)::double as time, hour(departure) + minute(departure) / 60 as dep_hour,
               isodow(departure) as weekday, origin, destination, distance,
               case when delay_minutes > 15 then 'late' else 'on_time' end as status
        from '${csv}' where month(departure) = ${m}`,
});

let model: TrainedModel;
let heldOut: Frame;
let june: Frame;
let janSnapshot: MonitorSnapshot;
let juneSnapshot: MonitorSnapshot;

beforeAll(async () => {
  const jan = await loadFrame(month(1));
  june = await loadFrame(month(6));
  const split = holdoutSplit(jan.nRows, { testSize: 0.25, seed: 7 });
  model = trainModel(jan.take(split.train).drop(['time']), { target: 'status', name: 'flights' }).model;
  heldOut = jan.take(split.test);
  const current = (f: Frame) => ({
    inputs: f,
    feedback: f.column('status'),
    times: f.columnOf('time', 'number').values,
  });
  janSnapshot = monitorModel(model, current(heldOut));
  juneSnapshot = monitorModel(model, current(june));
}, 60_000);

describe('monitor on flights-2001: trained on January', () => {
  it('sees no drift in held-out January rows', () => {
    expect(janSnapshot.window.rows).toBe(3750);
    expect(janSnapshot.features.filter((f) => f.drifted)).toEqual([]);
    expect(janSnapshot.prediction?.drifted).toBe(false);
    expect(janSnapshot.verdict.drifted).toBe(false);
    for (const f of janSnapshot.features) expect(f.psi).toBeLessThan(0.05);
  });

  it('sees June drift: the weekday mix moved, and every feature moved further than in January', () => {
    const jan = Object.fromEntries(janSnapshot.features.map((f) => [f.column, f]));
    const jun = Object.fromEntries(juneSnapshot.features.map((f) => [f.column, f]));
    expect(jun.weekday.drifted).toBe(true);
    expect(jun.weekday.method).toBe('wasserstein');
    expect(jun.weekday.psi!).toBeGreaterThan(5 * jan.weekday.psi!);
    expect(juneSnapshot.dataset.share).toBeGreaterThan(janSnapshot.dataset.share);
    // one feature in five is not the default half, so the verdict needs the drift share lowered
    expect(juneSnapshot.verdict.drifted).toBe(false);
    const strict = monitorModel(model, { inputs: june }, { driftShare: 0.2 });
    expect(strict.verdict.drifted).toBe(true);
  });

  it('scores June day by day against the January test metrics', () => {
    const q = juneSnapshot.quality!;
    expect(q.overall.rows).toBe(june.nRows);
    expect(q.buckets).toHaveLength(30);
    expect(q.buckets[0].start).toBe('2001-06-01T00:00:00.000Z');
    expect(q.buckets.reduce((n, b) => n + b.rows, 0)).toBe(june.nRows);
    expect(q.training.roc_auc).toBe(model.info.metrics.roc_auc);
    expect(q.overall.metrics.roc_auc).toBeGreaterThan(0.5);
    expect(q.change).not.toBeNull();
  });
});
