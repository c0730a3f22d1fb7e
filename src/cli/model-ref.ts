import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../track/artifact/model-io.js';
import { openStore } from '../track/open-store.js';
import type { TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
import { absolute, runArtifactDir, storeUri } from './common.js';
import type { CliIO } from './io.js';

/**
 * A model named on the command line: a model directory, or `runs:/<run id>` (any unique prefix of
 * the id), whose model lives in the run's artifact folder.
 */
export async function resolveModel(
  io: CliIO,
  ref: string,
  store?: string,
): Promise<{ model: TrainedModel; path: string }> {
  const path = await resolveModelPath(io, ref, store);
  return { model: await loadModel(path), path };
}

export async function resolveModelPath(io: CliIO, ref: string, store?: string): Promise<string> {
  const runRef = ref.startsWith('runs:/') ? ref.slice('runs:/'.length).replace(/\/model$/, '') : undefined;
  if (runRef === undefined) {
    const dir = absolute(io, ref);
    if (existsSync(dir)) return dir;
    throw new InputError(
      'model_not_found',
      `${ref}: no such model directory (give a directory written by cairn train, or runs:/<run id>)`,
      { file: ref },
    );
  }
  const s = await openStore(storeUri(io, store));
  try {
    const run = await s.getRun(runRef);
    const dir = join(runArtifactDir(io, run.id), 'model');
    if (!existsSync(dir))
      throw new InputError('model_not_found', `run ${run.id.slice(0, 8)} has no saved model at ${dir}`, {
        file: dir,
      });
    return dir;
  } finally {
    await s.close();
  }
}
