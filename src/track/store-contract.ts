/**
 * The contract every Store backend keeps, as one suite each calls with a real database (never a
 * mock):
 *
 *   runStoreContract({ name: 'SQLite', open: () => openStore(`sqlite:${dir}/cairn.db`) });
 *
 * `open` must open the same store each time it is called (the suite closes and reopens it to check
 * that data persists). The store need not be empty: every test works in experiments of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import type { Store } from './store.js';

export interface StoreContractCase {
  name: string;
  open: () => Promise<Store>;
}

let counter = 0;
/** A name no other test (or earlier run of the suite against the same database) uses. */
function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Awaits a promise that must reject with an InputError; returns it for further checks. */
async function inputError(p: Promise<unknown>, code?: string): Promise<InputError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  if (code) expect((e as InputError).code).toBe(code);
  return e as InputError;
}

const SHA = 'ab'.repeat(32);

export function runStoreContract(c: StoreContractCase): void {
  describe(`${c.name} keeps the store contract`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await c.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('experiments', () => {
      it('creates, finds by name and lists them, oldest first', async () => {
        const a = unique('exp-a');
        const b = unique('exp-b');
        const ea = await store.createExperiment(a);
        const eb = await store.createExperiment(b);
        expect(ea.name).toBe(a);
        expect(ea.id).toMatch(/^[0-9a-f]{32}$/);
        expect(Number.isInteger(ea.createdAt)).toBe(true);
        expect(Math.abs(ea.createdAt - Date.now())).toBeLessThan(60_000);
        expect(await store.getExperimentByName(a)).toEqual(ea);
        expect(await store.getExperimentByName(unique('missing'))).toBeNull();
        const listed = await store.listExperiments();
        const ia = listed.findIndex((e) => e.id === ea.id);
        const ib = listed.findIndex((e) => e.id === eb.id);
        expect(ia).toBeGreaterThanOrEqual(0);
        expect(ib).toBeGreaterThan(ia);
      });

      it('refuses a taken name, naming it', async () => {
        const name = unique('dup');
        await store.createExperiment(name);
        const e = await inputError(store.createExperiment(name), 'exists');
        expect(e.message).toContain(name);
      });

      it('refuses an empty name', async () => {
        const e = await inputError(store.createExperiment('  '));
        expect(e.details.field).toBe('experiment');
      });

      it('getOrCreateExperiment returns the one experiment, even when called concurrently', async () => {
        const name = unique('goc');
        const all = await Promise.all([1, 2, 3, 4].map(() => store.getOrCreateExperiment(name)));
        expect(new Set(all.map((e) => e.id)).size).toBe(1);
        expect((await store.getOrCreateExperiment(name)).id).toBe(all[0].id);
        expect((await store.listExperiments()).filter((e) => e.name === name)).toHaveLength(1);
      });
    });

    describe('runs', () => {
      it('creates a running run with its lineage, params and tags', async () => {
        const experiment = unique('create');
        const before = Date.now();
        const run = await store.createRun({
          experiment,
          name: 'baseline',
          dataFingerprint: 'sha256:0123',
          gitCommit: 'f'.repeat(40),
          params: { lr: 0.1, depth: 3, layers: [64, 32], useBias: true, note: null, skipped: undefined },
          tags: { owner: 'ana', priority: 2 },
        });
        expect(run.id).toMatch(/^[0-9a-f]{32}$/);
        expect(run.experimentId).toBe((await store.getExperimentByName(experiment))!.id);
        expect(run).toMatchObject({
          name: 'baseline',
          status: 'running',
          endTime: null,
          parentRunId: null,
          dataFingerprint: 'sha256:0123',
          gitCommit: 'f'.repeat(40),
          params: { lr: '0.1', depth: '3', layers: '[64,32]', useBias: 'true', note: 'null' },
          tags: { owner: 'ana', priority: '2' },
          metrics: {},
          artifacts: [],
        });
        expect('skipped' in run.params).toBe(false);
        expect(Number.isInteger(run.startTime)).toBe(true);
        expect(run.startTime).toBeGreaterThanOrEqual(before);
        expect(run.startTime).toBeLessThanOrEqual(Date.now());
        expect(await store.getRun(run.id)).toEqual(run);
      });

      it('names a run after its id by default, and takes an experiment by id', async () => {
        const exp = await store.createExperiment(unique('by-id'));
        const run = await store.createRun({ experiment: { id: exp.id } });
        expect(run.experimentId).toBe(exp.id);
        expect(run.name).toBe(`run-${run.id.slice(0, 8)}`);
        expect(run.gitCommit).toBeNull();
        await inputError(store.createRun({ experiment: { id: '0'.repeat(32) } }), 'not_found');
      });

      it('links a child run to its parent, given by prefix', async () => {
        const experiment = unique('parent');
        const parent = await store.createRun({ experiment });
        const child = await store.createRun({ experiment, parentRunId: parent.id.slice(0, 12) });
        expect(child.parentRunId).toBe(parent.id);
        const children = await store.listRuns({ parentRunId: parent.id });
        expect(children.map((r) => r.id)).toEqual([child.id]);
        await inputError(
          store.createRun({ experiment, parentRunId: 'ffffffffffffffff0000000000000000' }),
          'not_found',
        );
      });

      it('refuses bad params and tags at creation, creating nothing', async () => {
        const experiment = unique('bad-create');
        const e = await inputError(
          store.createRun({ experiment, params: { 'bad key!': 1 } }),
          'invalid_value',
        );
        expect(e.details.field).toBe('params.bad key!');
        expect(await store.listRuns({ experiment })).toEqual([]);
      });

      it('ends a run with a terminal status and an end time', async () => {
        const run = await store.createRun({ experiment: unique('end') });
        const ended = await store.endRun(run.id, 'finished');
        expect(ended.status).toBe('finished');
        expect(Number.isInteger(ended.endTime)).toBe(true);
        expect(ended.endTime!).toBeGreaterThanOrEqual(run.startTime);
        expect((await store.endRun(run.id, 'killed')).status).toBe('killed');
        const e = await inputError(store.endRun(run.id, 'running' as 'finished'), 'invalid_value');
        expect(e.details.field).toBe('status');
        await inputError(store.endRun('0'.repeat(32), 'failed'), 'not_found');
      });
    });

    describe('logBatch', () => {
      it('writes params, metrics, tags and artifacts in one call', async () => {
        const run = await store.createRun({ experiment: unique('batch') });
        await store.logBatch(run.id, {
          params: { alpha: 1e-4 },
          metrics: [
            { key: 'loss', value: 0.9, step: 0, timestamp: 1_700_000_000_000 },
            { key: 'loss', value: 0.5, step: 1, timestamp: 1_700_000_000_100 },
            { key: 'val/auc', value: 0.75 },
          ],
          tags: { stage: 'dev' },
          artifacts: [
            { path: 'model/cairn-model.json', kind: 'model', sha256: SHA },
            { path: 'report.html', kind: 'report' },
          ],
        });
        const got = await store.getRun(run.id);
        expect(got.params).toEqual({ alpha: '0.0001' });
        expect(got.metrics).toEqual({ loss: 0.5, 'val/auc': 0.75 });
        expect(got.tags).toEqual({ stage: 'dev' });
        expect(got.artifacts).toEqual([
          { path: 'model/cairn-model.json', kind: 'model', sha256: SHA },
          { path: 'report.html', kind: 'report' },
        ]);
        expect(await store.getMetricHistory(run.id, 'loss')).toEqual([
          { key: 'loss', value: 0.9, step: 0, timestamp: 1_700_000_000_000 },
          { key: 'loss', value: 0.5, step: 1, timestamp: 1_700_000_000_100 },
        ]);
        const [auc] = await store.getMetricHistory(run.id, 'val/auc');
        expect(auc.step).toBe(0);
        expect(Number.isInteger(auc.timestamp)).toBe(true);
        expect(Math.abs(auc.timestamp - Date.now())).toBeLessThan(60_000);
      });

      it('keeps params immutable: same value is a no-op, another value is refused naming the key', async () => {
        const run = await store.createRun({ experiment: unique('immutable'), params: { lr: 0.1 } });
        await store.logParam(run.id, 'lr', 0.1);
        await store.logParam(run.id, 'lr', '0.1');
        const e = await inputError(
          store.logBatch(run.id, {
            params: { lr: 0.2 },
            metrics: [{ key: 'm', value: 1 }],
            tags: { t: 'x' },
          }),
          'param_changed',
        );
        expect(e.details.key).toBe('lr');
        expect(e.message).toContain("'lr'");
        expect(e.message).toContain('0.1');
        // the whole batch was rolled back
        const got = await store.getRun(run.id);
        expect(got.params).toEqual({ lr: '0.1' });
        expect(got.metrics).toEqual({});
        expect(got.tags).toEqual({});
        expect(await store.getMetricHistory(run.id, 'm')).toEqual([]);
      });

      it('lets tags and artifacts be replaced', async () => {
        const run = await store.createRun({ experiment: unique('mutable'), tags: { stage: 'dev' } });
        await store.setTag(run.id, 'stage', 'prod');
        await store.logArtifact(run.id, { path: 'm.json', kind: 'file' });
        await store.logArtifact(run.id, { path: 'm.json', kind: 'model', sha256: SHA });
        const got = await store.getRun(run.id);
        expect(got.tags).toEqual({ stage: 'prod' });
        expect(got.artifacts).toEqual([{ path: 'm.json', kind: 'model', sha256: SHA }]);
      });

      it('keeps as latest the highest step, then the latest timestamp, whatever the order of logging', async () => {
        const run = await store.createRun({ experiment: unique('latest') });
        await store.logMetric(run.id, 'acc', 0.8, { step: 5, timestamp: 1000 });
        await store.logMetric(run.id, 'acc', 0.1, { step: 2, timestamp: 5000 }); // older step, logged later
        expect((await store.getRun(run.id)).metrics.acc).toBe(0.8);
        await store.logMetric(run.id, 'acc', 0.85, { step: 5, timestamp: 2000 });
        expect((await store.getRun(run.id)).metrics.acc).toBe(0.85);
        await store.logBatch(run.id, {
          metrics: [
            { key: 'acc', value: 0.9, step: 7, timestamp: 10 },
            { key: 'acc', value: 0.95, step: 6, timestamp: 20 },
          ],
        });
        expect((await store.getRun(run.id)).metrics.acc).toBe(0.9);
        const history = await store.getMetricHistory(run.id, 'acc');
        expect(history.map((p) => p.step)).toEqual([2, 5, 5, 6, 7]);
        expect(history.map((p) => p.value)).toEqual([0.1, 0.8, 0.85, 0.95, 0.9]);
      });

      it('round-trips NaN and ±Infinity in history and latest values', async () => {
        const run = await store.createRun({ experiment: unique('nonfinite') });
        await store.logBatch(run.id, {
          metrics: [
            { key: 'loss', value: 1.5, step: 0 },
            { key: 'loss', value: Number.POSITIVE_INFINITY, step: 1 },
            { key: 'loss', value: Number.NEGATIVE_INFINITY, step: 2 },
            { key: 'loss', value: Number.NaN, step: 3 },
            { key: 'grad', value: Number.POSITIVE_INFINITY, step: 0 },
            { key: 'tiny', value: Number.MIN_VALUE, step: 0 },
          ],
        });
        const values = (await store.getMetricHistory(run.id, 'loss')).map((p) => p.value);
        expect(values).toEqual([1.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]);
        const got = await store.getRun(run.id);
        expect(got.metrics.loss).toBeNaN();
        expect(got.metrics.grad).toBe(Number.POSITIVE_INFINITY);
        expect(got.metrics.tiny).toBe(Number.MIN_VALUE);
      });

      it('writes a large batch whole (more rows than one statement takes)', async () => {
        const run = await store.createRun({ experiment: unique('large') });
        const params: Record<string, number> = {};
        for (let i = 0; i < 450; i++) params[`p${i}`] = i;
        const metrics = Array.from({ length: 2500 }, (_, i) => ({ key: `m${i % 3}`, value: i / 7, step: i }));
        await store.logBatch(run.id, { params, metrics });
        const got = await store.getRun(run.id);
        expect(Object.keys(got.params)).toHaveLength(450);
        expect(got.params.p449).toBe('449');
        expect(got.metrics).toEqual({ m0: 2499 / 7, m1: 2497 / 7, m2: 2498 / 7 });
        const m1 = await store.getMetricHistory(run.id, 'm1');
        expect(m1).toHaveLength(833);
        expect(m1[832]).toMatchObject({ step: 2497, value: 2497 / 7 });
      });

      it('refuses bad input whole, naming the field', async () => {
        const run = await store.createRun({ experiment: unique('bad-batch') });
        const cases: [Parameters<Store['logBatch']>[1], string][] = [
          [
            {
              metrics: [
                { key: 'ok', value: 1 },
                { key: 'x', value: '1' as unknown as number },
              ],
            },
            'metrics.1.value',
          ],
          [{ metrics: [{ key: 'x', value: 1, step: 1.5 }] }, 'metrics.0.step'],
          [{ metrics: [{ key: 'x', value: 1, timestamp: -1 }] }, 'metrics.0.timestamp'],
          [{ metrics: [{ key: 'a\nb', value: 1 }] }, 'metrics.0.key'],
          [{ params: { ok: 1, ['x'.repeat(300)]: 1 } }, `params.${'x'.repeat(300)}`],
          [{ params: { big: 'v'.repeat(7000) } }, 'params.big'],
          [{ tags: { t: {} as unknown as string } }, 'tags.t'],
          [{ artifacts: [{ path: '../escape', kind: 'file' }] }, 'artifacts.0.path'],
          [{ artifacts: [{ path: '/abs', kind: 'file' }] }, 'artifacts.0.path'],
          [{ artifacts: [{ path: 'a', kind: 'Model!' }] }, 'artifacts.0.kind'],
          [{ artifacts: [{ path: 'a', kind: 'model', sha256: 'abc' }] }, 'artifacts.0.sha256'],
        ];
        for (const [batch, field] of cases) {
          const e = await inputError(store.logBatch(run.id, batch), 'invalid_value');
          expect(e.details.field, field).toBe(field);
        }
        const got = await store.getRun(run.id);
        expect(got.metrics).toEqual({});
        expect(got.params).toEqual({});
        expect(got.artifacts).toEqual([]);
      });

      it('refuses writes to an unknown run, naming it', async () => {
        const id = '0123456789abcdef0123456789abcdef';
        const e = await inputError(store.logMetric(id, 'x', 1), 'not_found');
        expect(e.message).toContain(id);
        await inputError(store.getMetricHistory(id, 'x'), 'not_found');
      });
    });

    describe('reading runs', () => {
      it('finds a run by a unique prefix, and refuses unknown or ambiguous ones', async () => {
        const experiment = unique('prefix');
        const runs = [];
        // 17 ids over 16 hex digits: at least two share their first character
        for (let i = 0; i < 17; i++) runs.push(await store.createRun({ experiment }));
        const target = runs[0];
        expect((await store.getRun(target.id.slice(0, 20))).id).toBe(target.id);
        expect((await store.getRun(target.id.toUpperCase())).id).toBe(target.id);
        const first = runs.map((r) => r.id[0]);
        const shared = first.find((ch, i) => first.indexOf(ch) !== i)!;
        const e = await inputError(store.getRun(shared), 'ambiguous_id');
        expect(e.message).toContain(shared);
        await inputError(store.getRun('zz-not-hex'), 'not_found');
        await inputError(store.getRun(''), 'not_found');
        await inputError(store.getRun('f'.repeat(32)), 'not_found');
      });

      it('lists runs by experiment and status, newest or oldest first, up to a limit', async () => {
        const experiment = unique('list');
        const a = await store.createRun({ experiment, name: 'a' });
        const b = await store.createRun({ experiment, name: 'b' });
        const c = await store.createRun({ experiment, name: 'c' });
        await store.endRun(b.id, 'failed');
        await store.createRun({ experiment: unique('other') });
        const newest = await store.listRuns({ experiment });
        expect(newest).toHaveLength(3);
        const oldest = await store.listRuns({ experiment, order: 'oldest' });
        expect(oldest.map((r) => r.id)).toEqual(newest.map((r) => r.id).reverse());
        for (let i = 1; i < newest.length; i++)
          expect(newest[i - 1].startTime).toBeGreaterThanOrEqual(newest[i].startTime);
        expect(new Set(newest.map((r) => r.id))).toEqual(new Set([a.id, b.id, c.id]));
        expect((await store.listRuns({ experiment, status: 'failed' })).map((r) => r.id)).toEqual([b.id]);
        expect(await store.listRuns({ experiment, status: ['running', 'failed'] })).toHaveLength(3);
        expect(await store.listRuns({ experiment, limit: 2 })).toHaveLength(2);
        const exp = (await store.getExperimentByName(experiment))!;
        expect(await store.listRuns({ experiment: { id: exp.id } })).toHaveLength(3);
        await inputError(store.listRuns({ experiment: unique('nope') }), 'not_found');
        expect((await inputError(store.listRuns({ limit: 0 }), 'invalid_value')).details.field).toBe('limit');
        expect(
          (await inputError(store.listRuns({ status: 'done' as 'finished' }), 'invalid_value')).details.field,
        ).toBe('status');
      });

      it('orders runs by a metric, runs without it (or with NaN) last', async () => {
        const experiment = unique('by-metric');
        const mk = async (name: string, auc?: number) => {
          const r = await store.createRun({ experiment, name });
          if (auc !== undefined) await store.logMetric(r.id, 'auc', auc);
          await store.logMetric(r.id, 'other', 1);
          return r;
        };
        await mk('mid', 0.7);
        await mk('none');
        await mk('nan', Number.NaN);
        await mk('top', 0.9);
        await mk('low', 0.6);
        const desc = await store.listRuns({ experiment, order: { metric: 'auc' } });
        expect(desc.map((r) => r.name)).toEqual(['top', 'mid', 'low', 'nan', 'none']);
        const asc = await store.listRuns({ experiment, order: { metric: 'auc', direction: 'asc' } });
        expect(asc.map((r) => r.name)).toEqual(['low', 'mid', 'top', 'nan', 'none']);
        expect(
          (await store.listRuns({ experiment, order: { metric: 'auc' }, limit: 2 })).map((r) => r.name),
        ).toEqual(['top', 'mid']);
      });

      it('keeps everything after closing and reopening', async () => {
        const experiment = unique('persist');
        const run = await store.createRun({ experiment, params: { a: 1 } });
        await store.logMetric(run.id, 'x', Number.NaN, { step: 3 });
        await store.endRun(run.id, 'finished');
        const before = await store.getRun(run.id);
        await store.close();
        store = await c.open();
        const after = await store.getRun(run.id);
        expect(after).toEqual(before);
        expect(after.metrics.x).toBeNaN();
      });
    });
  });
}
