/** Reading runs: id prefixes, listing with filters and orders, persistence across reopen. */
import { describe, expect, it } from 'vitest';
import { type ContractContext, inputError, unique } from './helpers.js';

export function readRunsContract(ctx: ContractContext): void {
  describe('reading runs', () => {
    it('finds a run by a unique prefix, and refuses unknown or ambiguous ones', async () => {
      const experiment = unique('prefix');
      const runs = [];
      // 17 ids over 16 hex digits: at least two share their first character
      for (let i = 0; i < 17; i++) runs.push(await ctx.store.createRun({ experiment }));
      const target = runs[0];
      expect((await ctx.store.getRun(target.id.slice(0, 20))).id).toBe(target.id);
      expect((await ctx.store.getRun(target.id.toUpperCase())).id).toBe(target.id);
      const first = runs.map((r) => r.id[0]);
      const shared = first.find((ch, i) => first.indexOf(ch) !== i)!;
      const e = await inputError(ctx.store.getRun(shared), 'ambiguous_id');
      expect(e.message).toContain(shared);
      await inputError(ctx.store.getRun('zz-not-hex'), 'not_found');
      await inputError(ctx.store.getRun(''), 'not_found');
      await inputError(ctx.store.getRun('f'.repeat(32)), 'not_found');
    });

    it('lists runs by experiment and status, newest or oldest first, up to a limit', async () => {
      const experiment = unique('list');
      const a = await ctx.store.createRun({ experiment, name: 'a' });
      const b = await ctx.store.createRun({ experiment, name: 'b' });
      const c = await ctx.store.createRun({ experiment, name: 'c' });
      await ctx.store.endRun(b.id, 'failed');
      await ctx.store.createRun({ experiment: unique('other') });
      const newest = await ctx.store.listRuns({ experiment });
      expect(newest).toHaveLength(3);
      const oldest = await ctx.store.listRuns({ experiment, order: 'oldest' });
      expect(oldest.map((r) => r.id)).toEqual(newest.map((r) => r.id).reverse());
      for (let i = 1; i < newest.length; i++)
        expect(newest[i - 1].startTime).toBeGreaterThanOrEqual(newest[i].startTime);
      expect(new Set(newest.map((r) => r.id))).toEqual(new Set([a.id, b.id, c.id]));
      expect((await ctx.store.listRuns({ experiment, status: 'failed' })).map((r) => r.id)).toEqual([b.id]);
      expect(await ctx.store.listRuns({ experiment, status: ['running', 'failed'] })).toHaveLength(3);
      expect(await ctx.store.listRuns({ experiment, limit: 2 })).toHaveLength(2);
      const exp = (await ctx.store.getExperimentByName(experiment))!;
      expect(await ctx.store.listRuns({ experiment: { id: exp.id } })).toHaveLength(3);
      await inputError(ctx.store.listRuns({ experiment: unique('nope') }), 'not_found');
      expect((await inputError(ctx.store.listRuns({ limit: 0 }), 'invalid_value')).details.field).toBe(
        'limit',
      );
      expect(
        (await inputError(ctx.store.listRuns({ status: 'done' as 'finished' }), 'invalid_value')).details
          .field,
      ).toBe('status');
    });

    it('orders runs by a metric, runs without it (or with NaN) last', async () => {
      const experiment = unique('by-metric');
      const mk = async (name: string, auc?: number) => {
        const r = await ctx.store.createRun({ experiment, name });
        if (auc !== undefined) await ctx.store.logMetric(r.id, 'auc', auc);
        await ctx.store.logMetric(r.id, 'other', 1);
        return r;
      };
      await mk('mid', 0.7);
      await mk('none');
      await mk('nan', Number.NaN);
      await mk('top', 0.9);
      await mk('low', 0.6);
      const desc = await ctx.store.listRuns({ experiment, order: { metric: 'auc' } });
      expect(desc.map((r) => r.name)).toEqual(['top', 'mid', 'low', 'nan', 'none']);
      const asc = await ctx.store.listRuns({ experiment, order: { metric: 'auc', direction: 'asc' } });
      expect(asc.map((r) => r.name)).toEqual(['low', 'mid', 'top', 'nan', 'none']);
      expect(
        (await ctx.store.listRuns({ experiment, order: { metric: 'auc' }, limit: 2 })).map((r) => r.name),
      ).toEqual(['top', 'mid']);
    });

    it('keeps everything after closing and reopening', async () => {
      const experiment = unique('persist');
      const run = await ctx.store.createRun({ experiment, params: { a: 1 } });
      await ctx.store.logMetric(run.id, 'x', Number.NaN, { step: 3 });
      await ctx.store.endRun(run.id, 'finished');
      const before = await ctx.store.getRun(run.id);
      await ctx.store.close();
      ctx.store = await ctx.open();
      const after = await ctx.store.getRun(run.id);
      expect(after).toEqual(before);
      expect(after.metrics.x).toBeNaN();
    });
  });
}
