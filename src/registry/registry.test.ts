/** registerModel and promote on a real trained model in a real SQLite store. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFrame } from '../data/load.js';
import { saveModel } from '../track/artifact/model-io.js';
import { openStore } from '../track/open-store.js';
import type { Store } from '../track/store.js';
import { trainModel } from '../train/train-model.js';
import { TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
import { promote } from './promote.js';
import { registerModel } from './register.js';

const penguinsPath = fileURLToPath(new URL('../../datasets/penguins.csv', import.meta.url));

let dir: string;
let store: Store;
let runId: string;
let trained: TrainedModel;
const artifactsDir = () => join(dir, '.cairn', 'artifacts');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-registry-'));
  store = await openStore(`sqlite:${join(dir, '.cairn', 'cairn.db')}`);
  runId = (await store.createRun({ experiment: 'penguins' })).id;
  const penguins = await loadFrame(penguinsPath);
  trained = trainModel(penguins, {
    target: 'species',
    name: 'penguins',
    runId,
    success: [{ metric: 'accuracy', op: '>=', value: 0.8 }],
  }).model;
  await saveModel(trained, join(artifactsDir(), runId, 'model'));
  await saveModel(trained, join(dir, 'copy'));
  // the same model, trained without a spec's criteria and outside any run of this store
  const { runId: _, success: __, ...bare } = trained.info;
  await saveModel(new TrainedModel(bare, trained.pipeline, trained.profile), join(dir, 'bare'));
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an InputError');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    },
  );

describe('registerModel', () => {
  it('registers a run by id prefix, copying the held-out metrics and the model facts', async () => {
    const { version } = await registerModel(store, {
      name: 'penguins',
      from: runId.slice(0, 8),
      cwd: dir,
      description: 'baseline',
      tags: { team: 'birds' },
    });
    expect(version).toMatchObject({
      name: 'penguins',
      version: 1,
      runId,
      source: join(artifactsDir(), runId, 'model'),
      description: 'baseline',
      metrics: trained.info.metrics,
      tags: {
        'cairn.task': 'classification',
        'cairn.model': 'logistic',
        'cairn.target': 'species',
        'cairn.primary_metric': 'f1_macro',
        team: 'birds',
      },
    });
    expect(Object.keys(version.metrics)).toContain('accuracy');
    const viaUri = await registerModel(store, { name: 'penguins', from: `runs:/${runId}`, cwd: dir });
    expect(viaUri.version.version).toBe(2);
  });

  it('registers a directory, linking the run it remembers when this store has it', async () => {
    const linked = await registerModel(store, { name: 'dirs', from: 'copy', cwd: dir });
    expect(linked.version).toMatchObject({ version: 1, runId, source: join(dir, 'copy') });
    const bare = await registerModel(store, { name: 'dirs', from: join(dir, 'bare') });
    expect(bare.version).toMatchObject({ version: 2, runId: null, source: join(dir, 'bare') });
  });

  it('refuses what is not a model, taking no version number', async () => {
    await writeFile(join(dir, 'file.txt'), 'not a model');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'empty'));
    const cases: [string, string, RegExp][] = [
      ['no-such-thing', 'model_not_found', /neither a model directory nor a run id/],
      ['file.txt', 'model_not_found', /is a file/],
      ['empty', 'not_found', /manifest.json: no such file \(is .* a Cairn model directory/],
      ['ffffffff', 'not_found', /no run/],
    ];
    for (const [from, code, message] of cases) {
      const e = await refusal(registerModel(store, { name: 'refused', from, cwd: dir }));
      expect(e.code, from).toBe(code);
      expect(e.message, from).toMatch(message);
    }
    const e = await refusal(registerModel(store, { name: 'bad name', from: 'copy', cwd: dir }));
    expect(e.details.field).toBe('name');
    expect((await store.listRegisteredModels()).map((m) => m.name)).not.toContain('refused');
  });
});

describe('promote', () => {
  let name: string;
  beforeAll(async () => {
    name = 'promo';
    await registerModel(store, { name, from: runId, cwd: dir });
    await registerModel(store, { name, from: join(dir, 'bare') });
  });

  it('checks the criteria recorded in the model, then moves champion', async () => {
    const r = await promote(store, name, 1);
    expect(r).toMatchObject({
      name,
      version: 1,
      alias: 'champion',
      previous: null,
      criteriaFrom: 'model',
      passed: true,
      forced: false,
    });
    expect(r.criteria).toHaveLength(1);
    expect(r.criteria[0]).toMatchObject({ passed: true, actual: trained.info.metrics.accuracy });
    expect((await store.getVersionByAlias(name, 'champion')).version).toBe(1);
  });

  it('refuses a failing criterion, naming metric, comparison, threshold and actual value', async () => {
    const accuracy = trained.info.metrics.accuracy;
    const e = await refusal(
      promote(store, name, 2, 'champion', {
        criteria: [
          { metric: 'accuracy', op: '>=', value: 0.5 },
          { metric: 'log_loss', op: '<', value: 1e-6 },
        ],
      }),
    );
    expect(e.code).toBe('criterion_failed');
    expect(e.message).toContain(`cannot promote ${name} version 2 to 'champion'`);
    expect(e.message).toContain(`log_loss < 0.000001 (actual ${trained.info.metrics.log_loss})`);
    expect(e.message).not.toContain('accuracy >=');
    expect(e.details).toMatchObject({
      model: name,
      version: 2,
      alias: 'champion',
      failed: [{ metric: 'log_loss', op: '<', threshold: 1e-6, actual: trained.info.metrics.log_loss }],
    });
    expect(accuracy).toBeGreaterThan(0.5);
    // nothing moved
    expect((await store.getVersionByAlias(name, 'champion')).version).toBe(1);
  });

  it('refuses a criterion on a metric the version lacks, saying so', async () => {
    const e = await refusal(
      promote(store, name, 2, 'staging', { criteria: [{ metric: 'rmse', op: '<', value: 1 }] }),
    );
    expect(e.message).toMatch(/rmse < 1 \(rmse was not measured/);
    expect((e.details.failed as { actual: unknown }[])[0].actual).toBeNull();
    await refusal(store.getVersionByAlias(name, 'staging'));
  });

  it('moves the alias anyway with force, reporting the failure', async () => {
    const r = await promote(store, name, 2, 'champion', {
      criteria: [{ metric: 'log_loss', op: '<', value: 1e-6 }],
      force: true,
    });
    expect(r).toMatchObject({ version: 2, previous: 1, passed: false, forced: true, criteriaFrom: 'given' });
    expect(r.criteria[0].passed).toBe(false);
    expect((await store.getVersionByAlias(name, 'champion')).version).toBe(2);
  });

  it('promotes a model trained without criteria, saying none were checked', async () => {
    const r = await promote(store, name, 2, 'staging');
    expect(r).toMatchObject({
      criteriaFrom: 'none',
      criteria: [],
      passed: true,
      forced: false,
      previous: null,
    });
  });

  it('names a bad alias, an unknown version and an unknown model', async () => {
    expect((await refusal(promote(store, name, 1, '42'))).details.field).toBe('alias');
    expect((await refusal(promote(store, name, 9))).message).toContain('no version 9');
    expect((await refusal(promote(store, 'ghost', 1))).message).toContain("no registered model 'ghost'");
  });
});
