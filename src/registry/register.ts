/**
 * Registering a trained model: from a run (its saved model) or from a model directory. The model
 * is loaded first, so that only a verified Cairn artifact gets a version, and its held-out metrics
 * are copied into the version, where promotion reads them.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { loadModel } from '../track/artifact/model-io.js';
import type { ModelVersion } from '../track/registry-entities.js';
import type { RegisterVersionInput, Store } from '../track/store.js';
import type { TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
import { defaultArtifactsDir, parseModelUri, resolveModelUri } from './model-uri.js';

export interface RegisterModelOptions {
  /** The registered model's name; created when missing. */
  readonly name: string;
  /**
   * What to register: a run id (or unique prefix, or `runs:/<id>`) whose saved model to take, or
   * a model directory. An existing directory wins over a run id that looks the same.
   */
  readonly from: string;
  readonly description?: string;
  /** Tags over the ones taken from the model (`cairn.task`, `cairn.model`, ...). */
  readonly tags?: Readonly<Record<string, string | number | boolean>>;
  /** Base of a relative directory (default: process.cwd()). */
  readonly cwd?: string;
  /** Where runs keep their files (default: `<cwd>/.cairn/artifacts`). */
  readonly artifactsDir?: string;
}

export interface Registration {
  readonly version: ModelVersion;
  readonly model: TrainedModel;
}

/** Registers the model as the next version of `name`. */
export async function registerModel(store: Store, opts: RegisterModelOptions): Promise<Registration> {
  const cwd = opts.cwd ?? process.cwd();
  const { path, runId } = await locate(store, opts.from, cwd, opts.artifactsDir ?? defaultArtifactsDir(cwd));
  const model = await loadModel(path);
  // a model directory remembers the run that trained it; link it when this store has that run
  const linkedRun = runId ?? (model.info.runId ? await runIn(store, model.info.runId) : undefined);
  const version = await store.registerModelVersion(versionInput(opts.name, model, path, linkedRun, opts));
  return { version, model };
}

/**
 * What a version of a model in hand records: its source directory, run, held-out metrics, and the
 * facts a reader of `cairn models show` wants as tags. `cairn train --register` uses it directly.
 */
export function versionInput(
  name: string,
  model: TrainedModel,
  source: string,
  runId?: string,
  extra: { readonly description?: string; readonly tags?: RegisterModelOptions['tags'] } = {},
): RegisterVersionInput {
  const info = model.info;
  return {
    name,
    source,
    ...(runId ? { runId } : {}),
    metrics: info.metrics,
    tags: {
      'cairn.task': info.task,
      'cairn.model': info.model,
      'cairn.target': info.target,
      'cairn.primary_metric': info.primaryMetric,
      ...extra.tags,
    },
    ...(extra.description !== undefined ? { description: extra.description } : {}),
  };
}

async function locate(
  store: Store,
  from: string,
  cwd: string,
  artifactsDir: string,
): Promise<{ path: string; runId?: string }> {
  if (typeof from !== 'string' || from.trim() === '')
    throw new InputError('invalid_value', 'give a run id or a model directory to register', {
      field: 'from',
    });
  const dir = isAbsolute(from) ? from : resolve(cwd, from);
  if (!from.startsWith('runs:') && existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      throw new InputError(
        'model_not_found',
        `${from} is a file; a model is a directory written by cairn train`,
        {
          file: from,
        },
      );
    return { path: dir };
  }
  if (from.startsWith('runs:') || /^[0-9a-fA-F]{1,32}$/.test(from)) {
    const uri = from.startsWith('runs:')
      ? parseModelUri(from)
      : ({ kind: 'run', runId: from.toLowerCase() } as const);
    const r = await resolveModelUri(store, uri, { cwd, artifactsDir });
    return { path: r.path, runId: r.runId };
  }
  throw new InputError(
    'model_not_found',
    `${from}: neither a model directory nor a run id (give a directory written by cairn train, or a run id from cairn runs list)`,
    { file: from },
  );
}

async function runIn(store: Store, runId: string): Promise<string | undefined> {
  try {
    return (await store.getRun(runId)).id;
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}
