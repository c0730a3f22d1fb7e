import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../track/open-store.js';
import type { Store } from '../track/store.js';
import { InputError } from '../util/errors.js';
import { formatModelUri, parseModelUri, resolveModelUri } from './model-uri.js';

function refused(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseModelUri', () => {
  it('reads every form', () => {
    expect(parseModelUri('models:/churn/3')).toEqual({ kind: 'version', name: 'churn', version: 3 });
    expect(parseModelUri('models:/churn.v2_a-b/12/')).toEqual({
      kind: 'version',
      name: 'churn.v2_a-b',
      version: 12,
    });
    expect(parseModelUri('models:/churn/latest')).toEqual({ kind: 'latest', name: 'churn' });
    expect(parseModelUri('models:/churn@champion')).toEqual({
      kind: 'alias',
      name: 'churn',
      alias: 'champion',
    });
    expect(parseModelUri('models:/churn@v2')).toEqual({ kind: 'alias', name: 'churn', alias: 'v2' });
    expect(parseModelUri('runs:/3FA2c1')).toEqual({ kind: 'run', runId: '3fa2c1' });
    expect(parseModelUri('runs:/3fa2c1/model')).toEqual({ kind: 'run', runId: '3fa2c1' });
    expect(parseModelUri('models/churn')).toEqual({ kind: 'path', path: 'models/churn' });
    expect(parseModelUri('/abs/model')).toEqual({ kind: 'path', path: '/abs/model' });
    expect(parseModelUri('C:\\models\\m')).toEqual({ kind: 'path', path: 'C:\\models\\m' });
  });

  it('writes them back', () => {
    for (const u of [
      'models:/churn/3',
      'models:/churn/latest',
      'models:/churn@champion',
      'runs:/3fa2',
      'dir/m',
    ])
      expect(formatModelUri(parseModelUri(u))).toBe(u);
  });

  it('refuses malformed URIs, saying which forms work', () => {
    const cases: [string, RegExp][] = [
      ['models:/churn', /names no version: write models:\/churn\/<version>/],
      ['models:/', /must read models:\/<name>\/<version>/],
      ['models://churn/1', /must read models:\/<name>\/<version>/],
      ['models:churn/1', /must read/],
      ['models:/churn/0', /whole number from 1, or 'latest'/],
      ['models:/churn/1.5', /whole number/],
      ['models:/churn/v1', /version 'v1'/],
      ['models:/churn@3', /bad alias.*not only digits/],
      ['models:/churn@', /bad alias/],
      ['models:/ch urn/1', /bad model name/],
      ['models:/a@b/1', /bad alias/],
      ['runs:/', /runs:\/<run id>/],
      ['runs:/xyz', /in hex/],
      ['runs:/abc/other', /runs:\/<run id>/],
      ['s3://bucket/model', /unsupported scheme 's3:'/],
      ['', /must be one of/],
    ];
    for (const [uri, message] of cases) {
      const e = refused(() => parseModelUri(uri));
      expect(e.message, uri).toMatch(message);
      expect(e.code).toBe('bad_model_uri');
      expect(e.details.field).toBe('model');
    }
  });
});

describe('resolveModelUri', () => {
  let dir: string;
  let store: Store;
  let runId: string;
  const artifactsDir = () => join(dir, '.cairn', 'artifacts');
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-uri-'));
    store = await openStore(`sqlite:${join(dir, '.cairn', 'cairn.db')}`);
    runId = (await store.createRun({ experiment: 'e' })).id;
    await mkdir(join(artifactsDir(), runId, 'model'), { recursive: true });
    await mkdir(join(dir, 'm2'));
    await store.registerModelVersion({ name: 'churn', source: join(artifactsDir(), runId, 'model'), runId });
    await store.registerModelVersion({ name: 'churn', source: join(dir, 'm2') });
    await store.registerModelVersion({ name: 'churn', source: join(dir, 'gone') });
    await store.setAlias('churn', 'champion', 1);
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  const opts = () => ({ cwd: dir });

  it('resolves versions, aliases, latest, runs and directories', async () => {
    const runModel = join(artifactsDir(), runId, 'model');
    expect(await resolveModelUri(store, 'models:/churn/1', opts())).toEqual({
      uri: 'models:/churn/1',
      path: runModel,
      name: 'churn',
      version: 1,
      runId,
    });
    expect(await resolveModelUri(store, 'models:/churn@champion', opts())).toEqual({
      uri: 'models:/churn@champion',
      path: runModel,
      name: 'churn',
      version: 1,
      alias: 'champion',
      runId,
    });
    await store.setAlias('churn', 'champion', 2);
    expect(await resolveModelUri(store, 'models:/churn@champion', opts())).toMatchObject({
      path: join(dir, 'm2'),
      version: 2,
    });
    expect(await resolveModelUri(store, `runs:/${runId.slice(0, 7)}`, opts())).toEqual({
      uri: `runs:/${runId.slice(0, 7)}`,
      path: runModel,
      runId,
    });
    expect(await resolveModelUri(undefined, 'm2', opts())).toEqual({ uri: 'm2', path: join(dir, 'm2') });
    expect(await resolveModelUri(undefined, join(dir, 'm2'))).toMatchObject({ path: join(dir, 'm2') });
  });

  it('names what is missing', async () => {
    const cases: [string, string, RegExp][] = [
      ['models:/churn/9', 'not_found', /no version 9/],
      ['models:/churn@staging', 'not_found', /no alias 'staging'/],
      ['models:/nope/1', 'not_found', /no registered model 'nope'/],
      ['models:/nope/latest', 'not_found', /no registered model 'nope'/],
      [
        'models:/churn/latest',
        'model_not_found',
        /version 3 of 'churn', whose artifact .*gone no longer exists/,
      ],
      ['runs:/ffffffff', 'not_found', /no run "ffffffff"/],
      ['nowhere', 'model_not_found', /nowhere: no such model directory/],
    ];
    for (const [uri, code, message] of cases) {
      const e = await resolveModelUri(store, uri, opts()).catch((err: unknown) => err);
      expect(e, uri).toBeInstanceOf(InputError);
      expect((e as InputError).code, uri).toBe(code);
      expect((e as InputError).message, uri).toMatch(message);
    }
  });

  it('names a run whose model is not saved', async () => {
    const bare = (await store.createRun({ experiment: 'e' })).id;
    const e = (await resolveModelUri(store, `runs:/${bare}`, opts()).catch(
      (err: unknown) => err,
    )) as InputError;
    expect(e.code).toBe('model_not_found');
    expect(e.message).toContain(`run ${bare.slice(0, 8)} has no saved model`);
  });
});
