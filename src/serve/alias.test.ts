import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFrame } from '../data/load.js';
import { LogisticRegression } from '../models/linear/logistic-regression.js';
import { OneHotEncoder } from '../prep/one-hot-encoder.js';
import { SelectColumns } from '../prep/select-columns.js';
import { SimpleImputer } from '../prep/simple-imputer.js';
import { registerModel } from '../registry/register.js';
import { loadModel } from '../track/artifact/model-io.js';
import { openStore } from '../track/open-store.js';
import { trainModel } from '../train/train-model.js';
import type { TrainedModel } from '../train/trained-model.js';
import type { ModelLocation, ModelSource } from './model-source.js';
import { registrySource } from './registry-source.js';
import { createServer } from './server.js';
import { frameOfRows, penguinRow, penguinsModel, penguinsWith, savedModel } from './testing/penguins.js';

/** Version 2: another pipeline, so its probabilities differ from version 1's. */
function penguinsV2(): Promise<TrainedModel> {
  return penguinsWith([
    new SelectColumns({ columns: ['island', 'beak_length_mm', 'sex'] }),
    new SimpleImputer({ strategy: 'median', columns: ['beak_length_mm'] }),
    new OneHotEncoder({ columns: ['island', 'sex'] }),
    new LogisticRegression({ C: 0.01 }),
  ]);
}

interface Answer {
  version: number;
  predictions: { prediction: string; proba: Record<string, number> }[];
}

/**
 * Clients that post continuously, one request at a time each, while `move` runs once `moveAfter`
 * answers are in. A client stops once it has had 20 answers after the move reached it, or after
 * `cap` requests whatever happens (the loop is bounded). Every answer is kept.
 */
async function clientsDuringMove(
  url: string,
  clients: number,
  moveAfter: number,
  move: () => Promise<void>,
  cap = 3000,
) {
  const answers: Answer[][] = Array.from({ length: clients }, () => []);
  const failures: string[] = [];
  let done = 0;
  let moved: Promise<void> | undefined;
  let movedAt = Number.POSITIVE_INFINITY;
  const body = JSON.stringify({ rows: [penguinRow()] });
  await Promise.all(
    answers.map(async (mine) => {
      let after = 0;
      for (let i = 0; i < cap && after < 20; i++) {
        const res = await fetch(`${url}/v1/models/penguins/predict`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        }).catch((e: Error) => e);
        if (res instanceof Error) failures.push(res.message);
        else if (res.status !== 200) failures.push(`${res.status} ${await res.text()}`);
        else {
          const a = (await res.json()) as Answer;
          mine.push(a);
          if (a.version === 2) after++;
        }
        if (++done === moveAfter) {
          moved = move();
          movedAt = done;
        }
      }
    }),
  );
  await moved;
  return { answers, failures, movedAt };
}

describe('alias moves while requests flow', () => {
  it('swaps to the new version with zero failed requests, each answer from one version', async () => {
    const v1 = await penguinsModel();
    const v2 = await penguinsV2();
    const byPath: Record<string, TrainedModel> = { '/m/v1': v1, '/m/v2': v2 };
    let current: ModelLocation = {
      uri: 'models:/penguins@champion',
      path: '/m/v1',
      name: 'penguins',
      version: 1,
      movable: true,
    };
    const source: ModelSource = { resolve: async () => current };
    const server = await createServer([{ model: v1, source: current }], {
      source,
      // loading takes a while: requests keep flowing to version 1 meanwhile
      loadModel: async (path) => {
        await new Promise((r) => setTimeout(r, 50));
        return byPath[path];
      },
      reloadIntervalMs: 20,
      processMetrics: false,
    });
    const url = await server.listen({ port: 0 });
    const { answers, failures } = await clientsDuringMove(url, 4, 100, async () => {
      current = { ...current, path: '/m/v2', version: 2 };
    });
    await server.close();

    expect(failures).toEqual([]);
    const expected = { 1: v1, 2: v2 } as const;
    for (const mine of answers) {
      const versions = mine.map((a) => a.version);
      expect(versions[0]).toBe(1);
      expect(versions.at(-1)).toBe(2);
      // per client, answers never go back to the old version
      expect(versions.join('')).toMatch(/^1+2+$/);
    }
    // every answer is exactly what its version predicts (no mixed state)
    const want = (v: 1 | 2) => expected[v].predict(frameOfRows(expected[v], [penguinRow()])).proba!.data;
    const w1 = Array.from(want(1));
    const w2 = Array.from(want(2));
    expect(w1).not.toEqual(w2);
    for (const a of answers.flat())
      expect(Object.values(a.predictions[0].proba)).toEqual(a.version === 1 ? w1 : w2);
  });

  it('keeps serving the old version when the new one fails to load, and retries', async () => {
    const v1 = await penguinsModel();
    let current: ModelLocation = {
      uri: 'models:/penguins@champion',
      path: '/m/v1',
      name: 'penguins',
      version: 1,
      movable: true,
    };
    let attempts = 0;
    const errors: unknown[] = [];
    const server = await createServer([{ model: v1, source: current }], {
      source: { resolve: async () => current },
      loadModel: async () => {
        attempts++;
        if (attempts <= 3) throw new Error('disk on fire');
        return v1;
      },
      reloadIntervalMs: 60_000,
      processMetrics: false,
      log: { info() {}, warn: (m, e) => errors.push([m, e]), error() {} },
    });
    current = { ...current, path: '/m/v2', version: 2 };
    for (let i = 0; i < 3; i++) await server.checkAliases();
    expect(server.models.get('penguins')!.version).toBe(1);
    expect(attempts).toBe(3);
    expect(errors).toHaveLength(1); // the same failure three times is told once
    await server.checkAliases();
    expect(server.models.get('penguins')!.version).toBe(2);
    const metrics = (await server.app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('cairn_model_swaps_total{model="penguins"} 1');
    expect(metrics).toContain('cairn_model_version{model="penguins"} 2');
    await server.close();
  });
});

describe('alias moves in the real registry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-serve-registry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows models:/penguins@champion when the alias is set to another version', async () => {
    const store = await openStore(`sqlite:${join(dir, 'cairn.db')}`);
    const v1 = await registerModel(store, {
      name: 'penguins',
      from: await savedModel(await penguinsModel()),
    });
    const v2 = await registerModel(store, { name: 'penguins', from: await savedModel(await penguinsV2()) });
    await store.setAlias('penguins', 'champion', v1.version.version);
    const source = registrySource(store);
    const first = await source.resolve('models:/penguins@champion');
    expect(first).toMatchObject({ name: 'penguins', version: 1, movable: true });
    const server = await createServer([{ model: await loadModel(first.path), source: first }], {
      source,
      loadModel,
      reloadIntervalMs: 20,
      processMetrics: false,
    });
    const url = await server.listen({ port: 0 });
    const { answers, failures } = await clientsDuringMove(url, 2, 50, async () => {
      await store.setAlias('penguins', 'champion', v2.version.version);
    });
    await server.close();
    await store.close();
    expect(failures).toEqual([]);
    for (const mine of answers) expect(mine.map((a) => a.version).join('')).toMatch(/^1+2+$/);
  });
});

describe('a new version with another signature', () => {
  it('brings its own request schema and OpenAPI document', async () => {
    const v1 = await penguinsModel();
    const frame = await loadFrame(fileURLToPath(new URL('../../datasets/penguins.csv', import.meta.url)));
    const v2 = trainModel(frame.drop(['sex']), {
      target: 'species',
      model: 'logistic',
      name: 'penguins',
    }).model;
    let current: ModelLocation = {
      uri: 'models:/penguins@champion',
      path: '/m/v1',
      name: 'penguins',
      version: 1,
      movable: true,
    };
    const server = await createServer([{ model: v1, source: current }], {
      source: { resolve: async () => current },
      loadModel: async () => v2,
      reloadIntervalMs: 60_000,
      processMetrics: false,
    });
    const docColumns = async () =>
      Object.keys(
        (await server.app.inject({ url: '/docs/json' })).json().paths['/v1/models/penguins/predict'].post
          .requestBody.content['application/json'].schema.properties.rows.items.properties,
      );
    const { sex: _, ...withoutSex } = penguinRow();
    const predict = (row: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url: '/v1/models/penguins/predict', payload: { rows: [row] } });
    expect(await docColumns()).toContain('sex');
    expect((await predict(withoutSex)).json().error.code).toBe('missing_column');
    current = { ...current, path: '/m/v2', version: 2 };
    await server.checkAliases();
    expect(await docColumns()).not.toContain('sex');
    const res = await predict(withoutSex);
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    await server.close();
  });
});
