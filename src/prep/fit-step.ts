import type { Frame } from '../data/frame.js';
import type { FitOptions } from '../models/estimator.js';
import type { FrameTransformer } from './transformer.js';

/**
 * Fits a step on the training rows and returns what the next step trains on. A step with
 * `fitTransformTrain` (a cross-fitted TargetEncoder) decides that itself, so no training row is
 * encoded with a statistic that saw its own target; every other step is fit, then transform.
 */
export function fitTransformStep(
  t: FrameTransformer,
  frame: Frame,
  y?: Float64Array,
  opts?: FitOptions,
): Frame {
  return t.fitTransformTrain ? t.fitTransformTrain(frame, y, opts) : t.fit(frame, y, opts).transform(frame);
}
