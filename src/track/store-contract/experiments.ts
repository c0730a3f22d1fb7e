/** Experiments: create, find, list, get-or-create under concurrency. */
import { describe, expect, it } from 'vitest';
import { type ContractContext, inputError, unique } from './helpers.js';

export function experimentsContract(ctx: ContractContext): void {
  describe('experiments', () => {
    it('creates, finds by name and lists them, oldest first', async () => {
      const a = unique('exp-a');
      const b = unique('exp-b');
      const ea = await ctx.store.createExperiment(a);
      const eb = await ctx.store.createExperiment(b);
      expect(ea.name).toBe(a);
      expect(ea.id).toMatch(/^[0-9a-f]{32}$/);
      expect(Number.isInteger(ea.createdAt)).toBe(true);
      expect(Math.abs(ea.createdAt - Date.now())).toBeLessThan(60_000);
      expect(await ctx.store.getExperimentByName(a)).toEqual(ea);
      expect(await ctx.store.getExperimentByName(unique('missing'))).toBeNull();
      const listed = await ctx.store.listExperiments();
      const ia = listed.findIndex((e) => e.id === ea.id);
      const ib = listed.findIndex((e) => e.id === eb.id);
      expect(ia).toBeGreaterThanOrEqual(0);
      expect(ib).toBeGreaterThan(ia);
    });

    it('refuses a taken name, naming it', async () => {
      const name = unique('dup');
      await ctx.store.createExperiment(name);
      const e = await inputError(ctx.store.createExperiment(name), 'exists');
      expect(e.message).toContain(name);
    });

    it('refuses an empty name', async () => {
      const e = await inputError(ctx.store.createExperiment('  '));
      expect(e.details.field).toBe('experiment');
    });

    it('getOrCreateExperiment returns the one experiment, even when called concurrently', async () => {
      const name = unique('goc');
      const all = await Promise.all([1, 2, 3, 4].map(() => ctx.store.getOrCreateExperiment(name)));
      expect(new Set(all.map((e) => e.id)).size).toBe(1);
      expect((await ctx.store.getOrCreateExperiment(name)).id).toBe(all[0].id);
      expect((await ctx.store.listExperiments()).filter((e) => e.name === name)).toHaveLength(1);
    });
  });
}
