/** Runs: creation with lineage, params and tags; parents; ending. */
import { describe, expect, it } from 'vitest';
import { type ContractContext, inputError, unique } from './helpers.js';

export function runsContract(ctx: ContractContext): void {
  describe('runs', () => {
    it('creates a running run with its lineage, params and tags', async () => {
      const experiment = unique('create');
      const before = Date.now();
      const run = await ctx.store.createRun({
        experiment,
        name: 'baseline',
        dataFingerprint: 'sha256:0123',
        gitCommit: 'f'.repeat(40),
        params: { lr: 0.1, depth: 3, layers: [64, 32], useBias: true, note: null, skipped: undefined },
        tags: { owner: 'ana', priority: 2 },
      });
      expect(run.id).toMatch(/^[0-9a-f]{32}$/);
      expect(run.experimentId).toBe((await ctx.store.getExperimentByName(experiment))!.id);
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
      expect(await ctx.store.getRun(run.id)).toEqual(run);
    });

    it('names a run after its id by default, and takes an experiment by id', async () => {
      const exp = await ctx.store.createExperiment(unique('by-id'));
      const run = await ctx.store.createRun({ experiment: { id: exp.id } });
      expect(run.experimentId).toBe(exp.id);
      expect(run.name).toBe(`run-${run.id.slice(0, 8)}`);
      expect(run.gitCommit).toBeNull();
      await inputError(ctx.store.createRun({ experiment: { id: '0'.repeat(32) } }), 'not_found');
    });

    it('links a child run to its parent, given by prefix', async () => {
      const experiment = unique('parent');
      const parent = await ctx.store.createRun({ experiment });
      const child = await ctx.store.createRun({ experiment, parentRunId: parent.id.slice(0, 12) });
      expect(child.parentRunId).toBe(parent.id);
      const children = await ctx.store.listRuns({ parentRunId: parent.id });
      expect(children.map((r) => r.id)).toEqual([child.id]);
      await inputError(
        ctx.store.createRun({ experiment, parentRunId: 'ffffffffffffffff0000000000000000' }),
        'not_found',
      );
    });

    it('refuses bad params and tags at creation, creating nothing', async () => {
      const experiment = unique('bad-create');
      const e = await inputError(
        ctx.store.createRun({ experiment, params: { 'bad key!': 1 } }),
        'invalid_value',
      );
      expect(e.details.field).toBe('params.bad key!');
      expect(await ctx.store.listRuns({ experiment })).toEqual([]);
    });

    it('ends a run with a terminal status and an end time', async () => {
      const run = await ctx.store.createRun({ experiment: unique('end') });
      const ended = await ctx.store.endRun(run.id, 'finished');
      expect(ended.status).toBe('finished');
      expect(Number.isInteger(ended.endTime)).toBe(true);
      expect(ended.endTime!).toBeGreaterThanOrEqual(run.startTime);
      expect((await ctx.store.endRun(run.id, 'killed')).status).toBe('killed');
      const e = await inputError(ctx.store.endRun(run.id, 'running' as 'finished'), 'invalid_value');
      expect(e.details.field).toBe('status');
      await inputError(ctx.store.endRun('0'.repeat(32), 'failed'), 'not_found');
    });
  });
}
