import type { Frame } from '../data/frame.js';
import type { FitOptions } from '../models/estimator.js';
import { type FrameTransformer, isTransformer } from './transformer.js';

/**
 * What a resampler gives back: the rows the next steps train on. `kept[i]` is the input row that
 * output row i came from, so a caller can carry along whatever else is per row (sample weights,
 * groups, ids): `takeRows(weights, kept)`. A resampler that only removes rows gives increasing
 * indices; one that repeats rows (oversampling) may repeat them.
 */
export interface ResampleResult {
  readonly frame: Frame;
  /** The targets of the kept rows; undefined when fit was given none. */
  readonly y: Float64Array | undefined;
  readonly kept: Int32Array;
}

/**
 * A step that changes which rows are trained on, at training time only (dropping outlier rows,
 * rebalancing classes). A Pipeline fits it with `fitResample` in place of `fit` + `transform` and
 * trains the later steps on the rows it returns; at prediction time it calls `transform`, which
 * passes every row through, so a request is never dropped. Resamplers are also transformers
 * (`transform`, `featureNamesOut`) so that a Pipeline that does not know them stays correct,
 * only without the resampling.
 */
export interface Resampler {
  fitResample(frame: Frame, y?: Float64Array, opts?: FitOptions): ResampleResult;
}

export type FrameResampler = Resampler & FrameTransformer;

export function isResampler(e: unknown): e is FrameResampler {
  return isTransformer(e) && typeof (e as unknown as Resampler).fitResample === 'function';
}

/** The values at `kept`, in its order (sample weights and other per-row arrays after resampling). */
export function takeRows(values: Float64Array, kept: Int32Array): Float64Array {
  const out = new Float64Array(kept.length);
  for (let i = 0; i < kept.length; i++) out[i] = values[kept[i]];
  return out;
}
