/** logBatch, the one write: all four kinds at once, immutable params, latest metrics, non-finite values, large batches, bad input. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { type ContractContext, inputError, SHA, unique } from './helpers.js';

export function logBatchContract(ctx: ContractContext): void {
  describe('logBatch', () => {
    it('writes params, metrics, tags and artifacts in one call', async () => {
      const run = await ctx.store.createRun({ experiment: unique('batch') });
      await ctx.store.logBatch(run.id, {
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
      const got = await ctx.store.getRun(run.id);
      expect(got.params).toEqual({ alpha: '0.0001' });
      expect(got.metrics).toEqual({ loss: 0.5, 'val/auc': 0.75 });
      expect(got.tags).toEqual({ stage: 'dev' });
      expect(got.artifacts).toEqual([
        { path: 'model/cairn-model.json', kind: 'model', sha256: SHA },
        { path: 'report.html', kind: 'report' },
      ]);
      expect(await ctx.store.getMetricHistory(run.id, 'loss')).toEqual([
        { key: 'loss', value: 0.9, step: 0, timestamp: 1_700_000_000_000 },
        { key: 'loss', value: 0.5, step: 1, timestamp: 1_700_000_000_100 },
      ]);
      const [auc] = await ctx.store.getMetricHistory(run.id, 'val/auc');
      expect(auc.step).toBe(0);
      expect(Number.isInteger(auc.timestamp)).toBe(true);
      expect(Math.abs(auc.timestamp - Date.now())).toBeLessThan(60_000);
    });

    it('keeps params immutable: same value is a no-op, another value is refused naming the key', async () => {
      const run = await ctx.store.createRun({ experiment: unique('immutable'), params: { lr: 0.1 } });
      await ctx.store.logParam(run.id, 'lr', 0.1);
      await ctx.store.logParam(run.id, 'lr', '0.1');
      const e = await inputError(
        ctx.store.logBatch(run.id, {
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
      const got = await ctx.store.getRun(run.id);
      expect(got.params).toEqual({ lr: '0.1' });
      expect(got.metrics).toEqual({});
      expect(got.tags).toEqual({});
      expect(await ctx.store.getMetricHistory(run.id, 'm')).toEqual([]);
    });

    it('lets tags and artifacts be replaced', async () => {
      const run = await ctx.store.createRun({ experiment: unique('mutable'), tags: { stage: 'dev' } });
      await ctx.store.setTag(run.id, 'stage', 'prod');
      await ctx.store.logArtifact(run.id, { path: 'm.json', kind: 'file' });
      await ctx.store.logArtifact(run.id, { path: 'm.json', kind: 'model', sha256: SHA });
      const got = await ctx.store.getRun(run.id);
      expect(got.tags).toEqual({ stage: 'prod' });
      expect(got.artifacts).toEqual([{ path: 'm.json', kind: 'model', sha256: SHA }]);
    });

    it('keeps as latest the highest step, then the latest timestamp, whatever the order of logging', async () => {
      const run = await ctx.store.createRun({ experiment: unique('latest') });
      await ctx.store.logMetric(run.id, 'acc', 0.8, { step: 5, timestamp: 1000 });
      await ctx.store.logMetric(run.id, 'acc', 0.1, { step: 2, timestamp: 5000 }); // older step, logged later
      expect((await ctx.store.getRun(run.id)).metrics.acc).toBe(0.8);
      await ctx.store.logMetric(run.id, 'acc', 0.85, { step: 5, timestamp: 2000 });
      expect((await ctx.store.getRun(run.id)).metrics.acc).toBe(0.85);
      await ctx.store.logMetric(run.id, 'acc', 0.7, { step: 5, timestamp: 1500 }); // same step, older time
      expect((await ctx.store.getRun(run.id)).metrics.acc).toBe(0.85);
      await ctx.store.logBatch(run.id, {
        metrics: [
          { key: 'acc', value: 0.9, step: 7, timestamp: 10 },
          { key: 'acc', value: 0.95, step: 6, timestamp: 20 },
        ],
      });
      expect((await ctx.store.getRun(run.id)).metrics.acc).toBe(0.9);
      const history = await ctx.store.getMetricHistory(run.id, 'acc');
      expect(history.map((p) => p.step)).toEqual([2, 5, 5, 5, 6, 7]);
      expect(history.map((p) => p.value)).toEqual([0.1, 0.8, 0.7, 0.85, 0.95, 0.9]);
    });

    it('round-trips NaN and ±Infinity in history and latest values', async () => {
      const run = await ctx.store.createRun({ experiment: unique('nonfinite') });
      await ctx.store.logBatch(run.id, {
        metrics: [
          { key: 'loss', value: 1.5, step: 0 },
          { key: 'loss', value: Number.POSITIVE_INFINITY, step: 1 },
          { key: 'loss', value: Number.NEGATIVE_INFINITY, step: 2 },
          { key: 'loss', value: Number.NaN, step: 3 },
          { key: 'grad', value: Number.POSITIVE_INFINITY, step: 0 },
          { key: 'tiny', value: Number.MIN_VALUE, step: 0 },
        ],
      });
      const values = (await ctx.store.getMetricHistory(run.id, 'loss')).map((p) => p.value);
      expect(values).toEqual([1.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]);
      const got = await ctx.store.getRun(run.id);
      expect(got.metrics.loss).toBeNaN();
      expect(got.metrics.grad).toBe(Number.POSITIVE_INFINITY);
      expect(got.metrics.tiny).toBe(Number.MIN_VALUE);
    });

    it('writes a large batch whole (more rows than one statement takes)', async () => {
      const run = await ctx.store.createRun({ experiment: unique('large') });
      const params: Record<string, number> = {};
      for (let i = 0; i < 450; i++) params[`p${i}`] = i;
      const metrics = Array.from({ length: 2500 }, (_, i) => ({ key: `m${i % 3}`, value: i / 7, step: i }));
      await ctx.store.logBatch(run.id, { params, metrics });
      const got = await ctx.store.getRun(run.id);
      expect(Object.keys(got.params)).toHaveLength(450);
      expect(got.params.p449).toBe('449');
      expect(got.metrics).toEqual({ m0: 2499 / 7, m1: 2497 / 7, m2: 2498 / 7 });
      const m1 = await ctx.store.getMetricHistory(run.id, 'm1');
      expect(m1).toHaveLength(833);
      expect(m1[832]).toMatchObject({ step: 2497, value: 2497 / 7 });
    });

    it('refuses bad input whole, naming the field', async () => {
      const run = await ctx.store.createRun({ experiment: unique('bad-batch') });
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
        const e = await inputError(ctx.store.logBatch(run.id, batch), 'invalid_value');
        expect(e.details.field, field).toBe(field);
      }
      const got = await ctx.store.getRun(run.id);
      expect(got.metrics).toEqual({});
      expect(got.params).toEqual({});
      expect(got.artifacts).toEqual([]);
    });

    it('refuses writes to an unknown run, naming it', async () => {
      const id = '0123456789abcdef0123456789abcdef';
      const e = await inputError(ctx.store.logMetric(id, 'x', 1), 'not_found');
      expect(e.message).toContain(id);
      await inputError(ctx.store.getMetricHistory(id, 'x'), 'not_found');
    });
  });
}
