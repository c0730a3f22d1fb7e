import type { ColumnKind } from '../data/frame.js';
import { loadFrame } from '../data/index.js';
import { conformToSignature } from '../train/signature.js';
import type { TrainedModel } from '../train/trained-model.js';

/**
 * Column kinds to read new data with, from the model's signature (and target, when labelled).
 * Reads the file's header first, so a column the model needs but the file lacks is reported as
 * such, naming the file and the column.
 */
export async function signatureKinds(
  model: TrainedModel,
  path: string,
  shownAs: string,
  withTarget = false,
): Promise<Record<string, ColumnKind>> {
  const header = await loadFrame(path, { limit: 1 });
  conformToSignature(header, model.info.features, shownAs);
  const kinds: Record<string, ColumnKind> = {};
  for (const f of model.info.features) kinds[f.name] = f.kind;
  if (withTarget && header.has(model.info.target)) kinds[model.info.target] = model.info.targetSchema.kind;
  return kinds;
}
