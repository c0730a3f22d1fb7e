import { join } from 'node:path';
import { needsStore, parseModelUri, type ResolvedModel, resolveModelUri } from '../registry/model-uri.js';
import { loadModel } from '../track/artifact/model-io.js';
import { openStore } from '../track/open-store.js';
import type { TrainedModel } from '../train/trained-model.js';
import { CAIRN_DIR, storeUri } from './common.js';
import type { CliIO } from './io.js';

/** What `<model>` arguments accept, for --help texts. */
export const MODEL_ARG_HELP =
  'model directory, models:/<name>/<version>, models:/<name>@<alias> or runs:/<run id>';

/**
 * A model named on the command line: a model directory, `models:/<name>/<version>`,
 * `models:/<name>/latest`, `models:/<name>@<alias>`, or `runs:/<run id>` (any unique prefix of the
 * id), whose model lives in the run's artifact folder. The store is opened only for the URI forms.
 */
export async function resolveModel(
  io: CliIO,
  ref: string,
  store?: string,
): Promise<{ model: TrainedModel; path: string; resolved: ResolvedModel }> {
  const resolved = await resolveModelRef(io, ref, store);
  return { model: await loadModel(resolved.path), path: resolved.path, resolved };
}

export async function resolveModelPath(io: CliIO, ref: string, store?: string): Promise<string> {
  return (await resolveModelRef(io, ref, store)).path;
}

/** The reference resolved to its artifact directory, with the registry or run facts on the way. */
export async function resolveModelRef(io: CliIO, ref: string, store?: string): Promise<ResolvedModel> {
  const uri = parseModelUri(ref);
  const opts = { cwd: io.cwd, artifactsDir: join(io.cwd, CAIRN_DIR, 'artifacts') };
  if (!needsStore(uri)) return resolveModelUri(undefined, ref, opts);
  const s = await openStore(storeUri(io, store));
  try {
    return await resolveModelUri(s, ref, opts);
  } finally {
    await s.close();
  }
}
