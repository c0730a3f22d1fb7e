import type { EstimatorJSON } from '../../models/estimator.js';
import type { ReferenceProfile } from '../../monitor/reference-profile.js';
import { type ModelInfo, TrainedModel } from '../../train/trained-model.js';
import { InputError } from '../../util/errors.js';
import '../../catalog.js';
import { loadArtifact } from './load.js';
import { saveArtifact } from './save.js';

/** Saves a trained model as an artifact directory (atomically); returns the absolute path. */
export async function saveModel(model: TrainedModel, dir: string): Promise<string> {
  const { info, pipeline } = model.toJSON();
  return saveArtifact(dir, { model: { info, pipeline }, profile: model.profile });
}

/** Loads and verifies a model artifact directory. */
export async function loadModel(dir: string): Promise<TrainedModel> {
  const { model, profile } = await loadArtifact(dir);
  const info = model.info as ModelInfo | undefined;
  const pipeline = model.pipeline as EstimatorJSON | undefined;
  if (!info || !pipeline)
    throw new InputError(
      'bad_artifact',
      `${dir}: cairn-model.json lacks "info" or "pipeline": not a Cairn model`,
      {
        file: dir,
      },
    );
  try {
    return TrainedModel.fromJSON({ info, pipeline }, profile as ReferenceProfile);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(e.code, `${dir}: ${e.message}`, { ...e.details, file: dir });
    throw e;
  }
}
