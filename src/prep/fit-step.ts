import type { Frame } from '../data/frame.js';
import type { FitOptions } from '../models/estimator.js';
import type { FrameTransformer } from './transformer.js';

/** A transformer that gives its training rows other values than `transform` would (cross-fitting). */
interface TrainTransformer {
  fitTransformTrain(frame: Frame, y?: Float64Array, opts?: FitOptions): Frame;
}

function hasTrainTransform(t: unknown): t is TrainTransformer {
  return typeof (t as Partial<TrainTransformer>).fitTransformTrain === 'function';
}

/**
 * Fits a step on the training rows and returns what the next step trains on. A step with
 * `fitTransformTrain` (a cross-fitted target encoder) decides that itself, so no training row is
 * encoded with a statistic that saw its own target; every other step is fit, then transform.
 */
export function fitTransformStep(
  t: FrameTransformer,
  frame: Frame,
  y?: Float64Array,
  opts?: FitOptions,
): Frame {
  if (hasTrainTransform(t)) return t.fitTransformTrain(frame, y, opts);
  return t.fit(frame, y, opts).transform(frame);
}
