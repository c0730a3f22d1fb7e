import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import type { OnEvent, TrainEvent } from '../util/events.js';
import { gitCommit } from './git.js';
import { openStore } from './open-store.js';
import type { LogBatch, Store } from './store.js';
import { Tracker, trackRun } from './tracker.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-tracker-'));
let store: Store;
beforeAll(async () => {
  store = await openStore(join(dir, 'tracker.db'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The real store, with every logBatch call recorded on the way through. */
function recording(s: Store): { store: Store; batches: LogBatch[] } {
  const batches: LogBatch[] = [];
  const wrapped = new Proxy(s, {
    get(target, prop) {
      if (prop === 'logBatch')
        return (runId: string, batch: LogBatch) => {
          batches.push(batch);
          return target.logBatch(runId, batch);
        };
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { store: wrapped, batches };
}

/** A stand-in for a training loop: it only knows onEvent. */
function train(onEvent: OnEvent, steps: number, failAt?: number): string {
  onEvent({ type: 'start', phase: 'boost', total: steps });
  for (let step = 0; step < steps; step++) {
    if (step === failAt) throw new Error(`diverged at ${step}`);
    onEvent({
      type: 'step',
      phase: 'boost',
      step,
      total: steps,
      metrics: { loss: 1 / (step + 1), acc: step / steps },
    });
  }
  onEvent({ type: 'warning', message: 'early stopping not triggered' });
  onEvent({ type: 'end', phase: 'boost', metrics: { val_auc: 0.91 } });
  return 'model';
}

describe('trackRun', () => {
  it('turns step events into buffered batches and ends the run finished', async () => {
    const rec = recording(store);
    const seen: TrainEvent[] = [];
    const { run, result } = await trackRun(
      rec.store,
      { experiment: 'tracker', params: { steps: 250 } },
      (t) => train(t.onEvent, 250),
      { flushEvery: 100, forward: (e) => seen.push(e) },
    );
    expect(result).toBe('model');
    expect(run.status).toBe('finished');
    expect(run.params).toEqual({ steps: '250' });
    expect(run.metrics).toEqual({ loss: 1 / 250, acc: 249 / 250, val_auc: 0.91 });
    // 500 step points in five batches of 100, then the phase's summary point
    expect(rec.batches.map((b) => b.metrics?.length)).toEqual([100, 100, 100, 100, 100, 1]);
    expect(seen).toHaveLength(253);
    const loss = await store.getMetricHistory(run.id, 'loss');
    expect(loss.map((p) => p.step)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(await store.getMetricHistory(run.id, 'val_auc')).toMatchObject([{ value: 0.91, step: 249 }]);
  });

  it('names keys by phase when asked', async () => {
    const { run } = await trackRun(store, { experiment: 'tracker' }, (t) => train(t.onEvent, 3), {
      metricKey: (phase, name) => `${phase}/${name}`,
    });
    expect(Object.keys(run.metrics).sort()).toEqual(['boost/acc', 'boost/loss', 'boost/val_auc']);
  });

  it('ends the run failed when training throws, keeping what was logged, and rethrows', async () => {
    let runId = '';
    const err = await trackRun(
      store,
      { experiment: 'tracker', name: 'diverges' },
      (t) => {
        runId = t.run.id;
        return train(t.onEvent, 100, 40);
      },
      { flushEvery: 7 },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toBe('diverged at 40');
    const run = await store.getRun(runId);
    expect(run.status).toBe('failed');
    expect(run.endTime).not.toBeNull();
    expect(await store.getMetricHistory(runId, 'loss')).toHaveLength(40);
  });

  it('fills the git commit from the working directory unless told otherwise', async () => {
    const { run } = await trackRun(store, { experiment: 'tracker' }, () => 0);
    expect(run.gitCommit).toBe(gitCommit());
    const { run: none } = await trackRun(store, { experiment: 'tracker', gitCommit: null }, () => 0);
    expect(none.gitCommit).toBeNull();
  });
});

describe('Tracker', () => {
  it('does not interrupt training when a write fails, and reports it at end, marking the run failed', async () => {
    const t = await Tracker.start(store, { experiment: 'tracker' }, { flushEvery: 2 });
    t.onEvent({ type: 'step', phase: 'p', step: 0, metrics: { ok: 1 } });
    t.onEvent({ type: 'step', phase: 'p', step: 1, metrics: { 'not ok!': 1 } }); // flushes a bad batch
    t.onEvent({ type: 'step', phase: 'p', step: 2, metrics: { ok: 3, more: 4 } });
    const err = await t.end().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).details.key).toBe('not ok!');
    expect((await store.getRun(t.run.id)).status).toBe('failed');
    // the failed batch is lost whole (batches are atomic); the one after it is written
    expect((await store.getMetricHistory(t.run.id, 'ok')).map((p) => p.step)).toEqual([2]);
    expect((await store.getRun(t.run.id)).metrics).toEqual({ ok: 3, more: 4 });
  });

  it('flushes on the interval as points arrive, on a phase end, and keeps direct writes in order', async () => {
    let now = 1_000;
    const rec = recording(store);
    const t = await Tracker.start(
      rec.store,
      { experiment: 'tracker' },
      {
        flushEvery: 1000,
        flushIntervalMs: 50,
        now: () => now,
      },
    );
    t.logMetrics({ a: 1 }, 0);
    now += 20;
    t.logMetrics({ a: 2 }, 1);
    expect(t.buffered).toBe(2);
    now += 40; // 60 ms since the last write
    t.logMetrics({ a: 3 }, 2);
    expect(t.buffered).toBe(0);
    t.onEvent({ type: 'step', phase: 'p', step: 3, metrics: { a: 4 } });
    expect(t.buffered).toBe(1);
    t.onEvent({ type: 'end', phase: 'p' });
    expect(t.buffered).toBe(0);
    t.logMetrics({ b: 1 });
    await t.log({ params: { late: 'yes' }, tags: { k: 'v' } });
    const run = await t.end('killed');
    expect(run.status).toBe('killed');
    expect(run.params).toEqual({ late: 'yes' });
    expect(rec.batches.map((b) => Object.keys(b).sort().join('+') + (b.metrics?.length ?? ''))).toEqual([
      'metrics3',
      'metrics1',
      'metrics1',
      'params+tags',
    ]);
    expect((await store.getMetricHistory(run.id, 'a')).map((p) => [p.step, p.value, p.timestamp])).toEqual([
      [0, 1, 1000],
      [1, 2, 1020],
      [2, 3, 1060],
      [3, 4, 1060],
    ]);
    expect(() => t.logMetrics({ c: 1 })).toThrow(/already ended/);
  });

  it('refuses a flushEvery below 1', async () => {
    const run = await store.createRun({ experiment: 'tracker' });
    expect(() => Tracker.attach(store, run, { flushEvery: 0 })).toThrow(RangeError);
  });
});
