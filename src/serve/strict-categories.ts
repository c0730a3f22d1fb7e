import { OneHotEncoder } from '../prep/one-hot-encoder.js';
import type { TrainedModel } from '../train/trained-model.js';

/**
 * Category features whose unknown labels the model refuses: those one-hot encoded with
 * `handleUnknown: 'error'`. Only these get an `enum` in the request schema; every other encoder
 * Cairn has (one-hot ignoring unknowns, ordinal codes with an unknown value) takes any label.
 */
export function strictCategoryColumns(model: TrainedModel): Set<string> {
  const strict = new Set<string>();
  for (const t of model.pipeline.state.transformers)
    if (t instanceof OneHotEncoder && t.params.handleUnknown === 'error')
      for (const c of t.state.columns) strict.add(c);
  return strict;
}
