/** The model registry: versions numbered atomically, aliases that move, errors that name things. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ContractContext, inputError, unique } from './helpers.js';

const source = (name: string, v: number) => join(tmpdir(), 'cairn-contract-models', name, String(v));

export function registryContract(ctx: ContractContext): void {
  describe('model registry', () => {
    it('registers versions 1, 2, ... under a name, creating the model on the first', async () => {
      const name = unique('reg');
      const run = await ctx.store.createRun({ experiment: unique('reg-exp') });
      const before = Date.now();
      const v1 = await ctx.store.registerModelVersion({
        name,
        source: source(name, 1),
        runId: run.id.slice(0, 10),
        tags: { owner: 'ana', stars: 3, ok: true },
        metrics: { accuracy: 0.93, log_loss: Number.NaN },
        description: 'first cut',
      });
      expect(v1).toEqual({
        name,
        version: 1,
        runId: run.id,
        source: source(name, 1),
        createdAt: v1.createdAt,
        description: 'first cut',
        tags: { ok: 'true', owner: 'ana', stars: '3' },
        metrics: { accuracy: 0.93, log_loss: Number.NaN },
        aliases: [],
      });
      expect(v1.createdAt).toBeGreaterThanOrEqual(before);
      const v2 = await ctx.store.registerModelVersion({ name, source: source(name, 2) });
      expect(v2).toMatchObject({ version: 2, runId: null, description: null, tags: {}, metrics: {} });

      const model = await ctx.store.getRegisteredModel(name);
      expect(model).toMatchObject({ name, description: null, latestVersion: 2, aliases: {} });
      expect(model.createdAt).toBeLessThanOrEqual(model.updatedAt);
      expect((await ctx.store.listRegisteredModels()).find((m) => m.name === name)).toEqual(model);
      expect(await ctx.store.listModelVersions(name)).toEqual([v1, v2]);
      expect(await ctx.store.getModelVersion(name, 1)).toEqual(v1);
    });

    it('lists registered models by name', async () => {
      const base = unique('order');
      for (const n of [`${base}-b`, `${base}-a`, `${base}-c`])
        await ctx.store.registerModelVersion({ name: n, source: source(n, 1) });
      const names = (await ctx.store.listRegisteredModels())
        .map((m) => m.name)
        .filter((n) => n.startsWith(base));
      expect(names).toEqual([`${base}-a`, `${base}-b`, `${base}-c`]);
    });

    it('gives concurrent registrations distinct, gapless versions', async () => {
      const name = unique('race');
      const all = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          ctx.store.registerModelVersion({ name, source: source(name, i) }),
        ),
      );
      expect(all.map((v) => v.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await ctx.store.getRegisteredModel(name)).latestVersion).toBe(8);
    });

    it('sets, moves, reads and deletes aliases', async () => {
      const name = unique('alias');
      for (const v of [1, 2, 3]) await ctx.store.registerModelVersion({ name, source: source(name, v) });
      expect(await ctx.store.setAlias(name, 'champion', 1)).toEqual({
        name,
        alias: 'champion',
        version: 1,
        previous: null,
      });
      expect(await ctx.store.setAlias(name, 'staging', 3)).toMatchObject({ previous: null });
      expect(await ctx.store.setAlias(name, 'champion', 2)).toMatchObject({ version: 2, previous: 1 });
      expect((await ctx.store.getVersionByAlias(name, 'champion')).version).toBe(2);
      expect((await ctx.store.getRegisteredModel(name)).aliases).toEqual({ champion: 2, staging: 3 });
      expect((await ctx.store.getModelVersion(name, 2)).aliases).toEqual(['champion']);
      expect((await ctx.store.getModelVersion(name, 1)).aliases).toEqual([]);
      // moving onto the version it already names is a no-op move
      expect(await ctx.store.setAlias(name, 'champion', 2)).toMatchObject({ previous: 2 });
      await ctx.store.setAlias(name, 'v-3.rc_1', 3);
      expect((await ctx.store.getModelVersion(name, 3)).aliases).toEqual(['staging', 'v-3.rc_1']);

      await ctx.store.deleteAlias(name, 'staging');
      expect((await ctx.store.getRegisteredModel(name)).aliases).toEqual({ champion: 2, 'v-3.rc_1': 3 });
      const gone = await inputError(ctx.store.getVersionByAlias(name, 'staging'), 'not_found');
      expect(gone.message).toContain("'staging'");
      expect(gone.message).toContain('champion -> 2');
      expect(gone.details).toMatchObject({ field: 'alias', model: name, alias: 'staging' });
      await inputError(ctx.store.deleteAlias(name, 'staging'), 'not_found');
    });

    it('keeps an alias on one version while it moves under concurrent readers', async () => {
      const name = unique('moving');
      for (const v of [1, 2]) await ctx.store.registerModelVersion({ name, source: source(name, v) });
      await ctx.store.setAlias(name, 'champion', 1);
      const moves = Array.from({ length: 10 }, (_, i) => ctx.store.setAlias(name, 'champion', (i % 2) + 1));
      const reads = Array.from({ length: 10 }, () => ctx.store.getVersionByAlias(name, 'champion'));
      const seen = await Promise.all(reads);
      await Promise.all(moves);
      for (const v of seen) expect([1, 2]).toContain(v.version);
      const model = await ctx.store.getRegisteredModel(name);
      expect(Object.keys(model.aliases)).toEqual(['champion']);
      const holders = (await ctx.store.listModelVersions(name)).filter((v) => v.aliases.includes('champion'));
      expect(holders).toHaveLength(1);
    });

    it('names the unknown model, version or alias', async () => {
      const name = unique('known');
      const missing = unique('missing');
      await ctx.store.registerModelVersion({ name, source: source(name, 1) });
      for (const p of [
        ctx.store.getRegisteredModel(missing),
        ctx.store.listModelVersions(missing),
        ctx.store.getModelVersion(missing, 1),
        ctx.store.setAlias(missing, 'champion', 1),
        ctx.store.getVersionByAlias(missing, 'champion'),
        ctx.store.deleteAlias(missing, 'champion'),
        ctx.store.updateRegisteredModel(missing, { description: 'x' }),
      ]) {
        const e = await inputError(p, 'not_found');
        expect(e.message).toContain(`'${missing}'`);
        expect(e.details).toMatchObject({ field: 'name', model: missing });
      }
      for (const p of [ctx.store.getModelVersion(name, 7), ctx.store.setAlias(name, 'champion', 7)]) {
        const e = await inputError(p, 'not_found');
        expect(e.message).toContain('no version 7');
        expect(e.message).toContain('1 to 1');
        expect(e.details).toMatchObject({ field: 'version', model: name, version: 7 });
      }
      const e = await inputError(ctx.store.getVersionByAlias(name, 'champion'), 'not_found');
      expect(e.message).toContain('no aliases yet');
      const run = await inputError(
        ctx.store.registerModelVersion({ name, source: source(name, 2), runId: 'f'.repeat(32) }),
        'not_found',
      );
      expect(run.details.field).toBe('runId');
      // a refused registration takes no version number
      expect((await ctx.store.getRegisteredModel(name)).latestVersion).toBe(1);
    });

    it('refuses bad names, aliases, versions and sources, naming the field', async () => {
      const name = unique('bad');
      await ctx.store.registerModelVersion({ name, source: source(name, 1) });
      for (const bad of ['', 'a/b', 'a@b', '-lead', 'sp ace', 'x'.repeat(101), 'é']) {
        const e = await inputError(ctx.store.registerModelVersion({ name: bad, source: source('x', 1) }));
        expect(e.details.field).toBe('name');
        await inputError(ctx.store.getRegisteredModel(bad), 'invalid_value');
      }
      for (const bad of ['3', '007', 'latest', 'a b', '', '.dot']) {
        const e = await inputError(ctx.store.setAlias(name, bad, 1), 'invalid_value');
        expect(e.details.field).toBe('alias');
      }
      for (const bad of [0, -1, 1.5, Number.NaN, '1' as unknown as number]) {
        const e = await inputError(ctx.store.getModelVersion(name, bad), 'invalid_value');
        expect(e.details.field).toBe('version');
      }
      for (const bad of ['relative/model', '', 42 as unknown as string]) {
        const e = await inputError(ctx.store.registerModelVersion({ name, source: bad }), 'invalid_value');
        expect(e.details.field).toBe('source');
      }
      const tag = await inputError(
        ctx.store.registerModelVersion({ name, source: source(name, 2), tags: { 'bad\nkey': 'x' } }),
      );
      expect(tag.details.field).toBe('tags.bad\nkey');
      const metric = await inputError(
        ctx.store.registerModelVersion({
          name,
          source: source(name, 2),
          metrics: { auc: 'high' as unknown as number },
        }),
      );
      expect(metric.details.field).toBe('metrics.auc');
      expect((await ctx.store.getRegisteredModel(name)).latestVersion).toBe(1);
    });

    it('updates a description, and keeps everything after a reopen', async () => {
      const name = unique('persist');
      await ctx.store.registerModelVersion({ name, source: source(name, 1), metrics: { rmse: 1.5 } });
      await ctx.store.registerModelVersion({ name, source: source(name, 2), tags: { k: 'v' } });
      await ctx.store.setAlias(name, 'champion', 2);
      const described = await ctx.store.updateRegisteredModel(name, { description: 'churn model' });
      expect(described.description).toBe('churn model');
      const model = await ctx.store.getRegisteredModel(name);
      const versions = await ctx.store.listModelVersions(name);
      await ctx.store.close();
      ctx.store = await ctx.open();
      expect(await ctx.store.getRegisteredModel(name)).toEqual(model);
      expect(await ctx.store.listModelVersions(name)).toEqual(versions);
      expect((await ctx.store.updateRegisteredModel(name, { description: null })).description).toBeNull();
    });
  });
}
