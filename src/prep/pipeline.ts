import type { Frame } from '../data/frame.js';
import type { Matrix } from '../data/matrix.js';
import {
  type Classifier,
  checkSavedHeader,
  Estimator,
  type EstimatorJSON,
  type FitOptions,
  isClassifier,
  type Regressor,
} from '../models/estimator.js';
import { type ParamSpecs, param } from '../models/params.js';
import { estimatorFromJSON, registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { noEvent } from '../util/events.js';
import { fitTransformStep } from './fit-step.js';
import { isResampler, takeRows } from './resampler.js';
import { frameToMatrix } from './to-matrix.js';
import { type FrameTransformer, isTransformer } from './transformer.js';

type AnyEstimator = Estimator<object, unknown>;
/** The last step: a model on a row-major Matrix. */
export type FinalEstimator = (Regressor | Classifier) & AnyEstimator;

export interface PipelineParams {
  /**
   * Frame transformers in order, then one supervised model (Regressor or Classifier on a
   * Matrix). Default `[]` (refused at fit). Like scikit-learn, params hold the step objects, but
   * as templates: fit works on fresh clones of them, so the objects given are never fitted or
   * changed, and clone()/withParams give unfitted copies with cloned steps.
   */
  steps: readonly AnyEstimator[];
}

export const PIPELINE_DEFAULTS = { steps: [] } satisfies PipelineParams;

function isFinalEstimator(e: unknown): e is FinalEstimator {
  return (
    e instanceof Estimator && typeof (e as unknown as Regressor).predict === 'function' && !isTransformer(e)
  );
}

function validSteps(v: unknown): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  return v.slice(0, -1).every(isTransformer) && isFinalEstimator(v[v.length - 1]);
}

const SPECS: ParamSpecs<PipelineParams> = {
  steps: param.custom(
    'Frame transformers in order, then one supervised model.',
    'a list of transformers followed by one model with predict()',
    validSteps,
  ),
};

export interface PipelineState {
  /** Fitted clones of the transformer steps. */
  readonly transformers: readonly FrameTransformer[];
  /** Fitted clone of the final step. */
  readonly model: FinalEstimator;
  /** Columns of the training frame (the model's inputs are a subset of what these become). */
  readonly inputColumns: readonly string[];
  /** Columns of the matrix the model was fitted on, in order. */
  readonly featureNames: readonly string[];
  /** Rows the model was fitted on, after any resampling steps (absent in files saved before them). */
  readonly trainRows?: number;
}

/** What toJSON gives: every step through its own toJSON, so the whole is plain data. */
interface PipelineJSONParams {
  steps: EstimatorJSON<unknown, unknown>[];
}
interface PipelineJSONState {
  transformers: EstimatorJSON<unknown, unknown>[];
  model: EstimatorJSON<unknown, unknown>;
  inputColumns: string[];
  featureNames: string[];
  trainRows?: number;
}

/**
 * Transformers on Frames, then a model on the Matrix they produce. `fit` fits every step on the
 * training rows only, in order (fit, then transform for the next step); `predict` runs new rows
 * through the fitted steps. Columns reach the model by name, so extra columns in a request are
 * ignored and a missing one is an InputError naming it.
 *
 * Beyond scikit-learn's Pipeline:
 * - Resamplers (resampler.ts: OutlierRemover, RandomOverSampler, RandomUnderSampler) change the
 *   rows at fit only: later steps and the model train on the rows they return (y and sample
 *   weights follow the rows); `transform` and `predict` skip them, so no request is dropped.
 * - A step with `fitTransformTrain` (a cross-fitted target encoder) gives the next step its own
 *   training-row encoding instead of `transform`'s.
 * - The final step may be a `TransformedTarget` (target-transform.ts): y is transformed at fit
 *   and predictions are inverted, inside the model step, so saving and serving need nothing more.
 */
export class Pipeline extends Estimator<PipelineParams, PipelineState> {
  readonly kind = 'Pipeline';
  protected readonly specs = SPECS;

  constructor(params: Partial<PipelineParams> = {}) {
    super(PIPELINE_DEFAULTS, { ...params, steps: Object.freeze([...(params.steps ?? [])]) });
  }

  override withParams(patch: Partial<PipelineParams>): this {
    const steps = (patch.steps ?? this.params.steps).map((s) => s.clone());
    return new Pipeline({ ...this.params, ...patch, steps }) as this;
  }

  /** An unfitted copy whose step number `index` has some params changed (for search). */
  withStepParams(index: number, patch: Record<string, unknown>): Pipeline {
    const n = this.params.steps.length;
    if (!(Number.isInteger(index) && index >= 0 && index < n))
      throw new InputError('bad_step', `pipeline has no step ${index} (it has ${n})`, { field: 'steps' });
    return new Pipeline({
      steps: this.params.steps.map((s, i) => (i === index ? s.withParams(patch) : s.clone())),
    });
  }

  fit(frame: Frame, y: Float64Array, opts: FitOptions = {}): this {
    this.checkParams();
    this.fitted = null;
    if (y.length !== frame.nRows)
      throw new InputError(
        'length_mismatch',
        `${this.kind}: frame has ${frame.nRows} rows but y has ${y.length} values`,
      );
    const steps = this.params.steps;
    const onEvent = opts.onEvent ?? noEvent;
    onEvent({ type: 'start', phase: 'pipeline', total: steps.length });
    const transformers: FrameTransformer[] = [];
    let current = frame;
    let yCurrent = y;
    let weights = opts.sampleWeight;
    for (let i = 0; i < steps.length - 1; i++) {
      const t = steps[i].clone() as FrameTransformer;
      if (isResampler(t)) {
        const r = t.fitResample(current, yCurrent, { onEvent });
        if (r.frame.nRows === 0)
          throw new InputError('empty', `${this.kind}: step ${i} (${t.kind}) left no training rows`);
        current = r.frame;
        yCurrent = r.y ?? takeRows(yCurrent, r.kept);
        if (weights) weights = takeRows(weights, r.kept);
      } else current = fitTransformStep(t, current, yCurrent, { onEvent });
      transformers.push(t);
      onEvent({ type: 'step', phase: 'pipeline', step: i + 1, total: steps.length });
    }
    const featureNames = current.names;
    const model = steps[steps.length - 1].clone() as FinalEstimator;
    model.fit(frameToMatrix(current, featureNames), yCurrent, {
      ...opts,
      ...(weights ? { sampleWeight: weights } : {}),
    });
    onEvent({ type: 'end', phase: 'pipeline' });
    this.fitted = { transformers, model, inputColumns: frame.names, featureNames, trainRows: current.nRows };
    return this;
  }

  /** The frame through every transformer (all steps but the last); resamplers are skipped. */
  transform(frame: Frame): Frame {
    let current = frame;
    for (const t of this.state.transformers) if (!isResampler(t)) current = t.transform(current);
    return current;
  }

  /**
   * The column names after each transformer step, from the training columns: each step's
   * `featureNamesOut` applied to the names before it. The last entry is what the model sees.
   */
  featureNamesByStep(): { step: string; names: string[] }[] {
    const s = this.state;
    let names: string[] = [...s.inputColumns];
    return s.transformers.map((t) => {
      names = t.featureNamesOut(names);
      return { step: t.kind, names };
    });
  }

  /** The matrix the model sees for these rows. */
  transformToMatrix(frame: Frame): Matrix {
    return frameToMatrix(this.transform(frame), this.state.featureNames);
  }

  predict(frame: Frame, out?: Float64Array): Float64Array {
    return this.state.model.predict(this.transformToMatrix(frame), out);
  }

  predictProba(frame: Frame): Matrix {
    return this.classifier().predictProba(this.transformToMatrix(frame));
  }

  /** Class labels of the final classifier (columns of predictProba). */
  get classes(): Float64Array {
    return this.classifier().classes;
  }

  get isClassifier(): boolean {
    return isClassifier(this.params.steps[this.params.steps.length - 1]);
  }

  /** Names of the model's input features (the matrix columns), in order. */
  featureNamesOut(): string[] {
    return [...this.state.featureNames];
  }

  private classifier(): Classifier {
    const model = this.state.model;
    if (!isClassifier(model))
      throw new InputError(
        'not_classifier',
        `${this.kind}: the final step ${model.kind} is not a classifier`,
      );
    return model;
  }

  override toJSON(): EstimatorJSON<PipelineParams, PipelineState> {
    const s = this.fitted;
    const json: EstimatorJSON<PipelineJSONParams, PipelineJSONState> = {
      kind: this.kind,
      formatVersion: this.formatVersion,
      // templates are saved by their params only, even if one given was fitted
      params: { steps: this.params.steps.map((e) => e.clone().toJSON()) },
      state: s && {
        transformers: s.transformers.map((t) => t.toJSON()),
        model: s.model.toJSON(),
        inputColumns: [...s.inputColumns],
        featureNames: [...s.featureNames],
        ...(s.trainRows !== undefined ? { trainRows: s.trainRows } : {}),
      },
    };
    // The saved shape differs from the live one (steps as their JSON); fromJSON below reverses it.
    return json as unknown as EstimatorJSON<PipelineParams, PipelineState>;
  }

  static override fromJSON<T extends AnyEstimator>(
    this: new (
      params: never,
    ) => T,
    json: EstimatorJSON<unknown, unknown>,
  ): T {
    return Pipeline.restore(json) as unknown as T;
  }

  /** Rebuilds every step through the registry; a file whose steps do not fit together is refused. */
  private static restore(json: EstimatorJSON<unknown, unknown>): Pipeline {
    const blank = new Pipeline();
    checkSavedHeader(json, blank.kind, blank.formatVersion);
    const params = json.params as Partial<PipelineJSONParams> | null;
    if (!params || !Array.isArray(params.steps))
      throw new InputError('bad_pipeline', 'saved Pipeline has no steps list', { field: 'params.steps' });
    const p = new Pipeline({ steps: params.steps.map(estimatorFromJSON) });
    const state = json.state as PipelineJSONState | null;
    if (state === null) return p;
    if (typeof state !== 'object' || !Array.isArray(state.transformers) || !state.model)
      throw new InputError('bad_pipeline', 'saved Pipeline state lacks its fitted steps', { field: 'state' });
    const transformers = state.transformers.map(estimatorFromJSON);
    const model = estimatorFromJSON(state.model);
    if (
      !transformers.every((t) => isTransformer(t) && t.isFitted) ||
      !isFinalEstimator(model) ||
      !model.isFitted
    )
      throw new InputError('bad_pipeline', 'saved Pipeline state has unfitted or misplaced steps', {
        field: 'state',
      });
    p.fitted = {
      transformers: transformers as FrameTransformer[],
      model,
      inputColumns: [...state.inputColumns],
      featureNames: [...state.featureNames],
      ...(typeof state.trainRows === 'number' ? { trainRows: state.trainRows } : {}),
    };
    return p;
  }
}

registerEstimator('Pipeline', Pipeline);
