import type { Frame } from '../data/frame.js';
import type { Predictions, TrainedModel } from '../train/trained-model.js';
import { scoreAll } from './metrics/index.js';

/**
 * Metrics of a model's predictions against known targets: the standard set for its task. Rows whose
 * class was never seen in training count as wrong for label metrics and are left out of
 * probability metrics (which are undefined for them).
 */
export function scorePredictions(
  model: TrainedModel,
  y: Float64Array,
  p: Predictions,
): Record<string, number> {
  if (model.info.task === 'regression') return scoreAll('regression', { yTrue: y, yPred: p.values });
  const classes = model.classes.map((_, i) => i);
  return scoreAll('classification', { yTrue: y, yPred: p.values, scores: p.proba, classes });
}

/** Predicts a labelled frame and scores it; `source` names the file in errors. */
export function evaluateModel(
  model: TrainedModel,
  frame: Frame,
  source?: string,
): { metrics: Record<string, number>; predictions: Predictions; y: Float64Array } {
  const y = model.encodeTarget(frame, source);
  const predictions = model.predict(frame, source);
  return { metrics: scorePredictions(model, y, predictions), predictions, y };
}
