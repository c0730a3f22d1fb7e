import type { Matrix } from '../data/matrix.js';
import { InputError, NotFittedError } from '../util/errors.js';
import type { OnEvent } from '../util/events.js';
import { checkParams, type ParamSpecs } from './params.js';
import type { RowParallel } from './row-parallel.js';

/** What `toJSON` gives and `fromJSON` takes: plain data (typed arrays allowed), never code. */
export interface EstimatorJSON<P = Record<string, unknown>, S = unknown> {
  readonly kind: string;
  readonly formatVersion: number;
  readonly params: P;
  readonly state: S | null;
}

export interface FitOptions {
  /** Per-row weights; rows with weight 0 do not count. */
  sampleWeight?: Float64Array;
  /** Progress and step-wise metrics (loss per iteration, ...). */
  onEvent?: OnEvent;
  /**
   * Where row-decomposable objectives are evaluated (LogisticRegression), e.g. a worker pool from
   * src/train/parallel. Runtime only, never saved; results do not depend on it. Default: the calling
   * thread.
   */
  parallel?: RowParallel;
}

/**
 * The base of every estimator and transformer. The constructor only stores parameters (merged over
 * the class's DEFAULTS); `fit` checks them, learns state, and returns `this`. Learned state lives
 * apart from params in `fitted`; `toJSON`/`fromJSON` carry `{ kind, formatVersion, params, state }`.
 */
export abstract class Estimator<P extends object, S> {
  /** Stable name used in saved files; never change it for an existing class. */
  abstract readonly kind: string;
  /** Bumped when the saved state changes shape; loading a newer one is refused. */
  readonly formatVersion: number = 1;
  readonly params: Readonly<P>;
  protected fitted: S | null = null;

  constructor(defaults: P, params: Partial<P> = {}) {
    this.params = Object.freeze({ ...defaults, ...params }) as Readonly<P>;
  }

  /** Declared parameter checks; `fit` runs them. */
  protected abstract readonly specs: ParamSpecs<P>;

  get isFitted(): boolean {
    return this.fitted !== null;
  }

  /** The learned state; throws NotFittedError before fit. */
  get state(): S {
    if (this.fitted === null) throw new NotFittedError(this.kind);
    return this.fitted;
  }

  /** Validates params against their specs; call at the start of fit. */
  protected checkParams(): void {
    checkParams(this.kind, this.specs, this.params as P);
  }

  /** A fresh, unfitted copy with some params changed. */
  withParams(patch: Partial<P>): this {
    const Ctor = this.constructor as new (p: Partial<P>) => this;
    return new Ctor({ ...this.params, ...patch });
  }

  /** A fresh, unfitted copy with the same params (scikit-learn's clone). */
  clone(): this {
    return this.withParams({});
  }

  toJSON(): EstimatorJSON<P, S> {
    return {
      kind: this.kind,
      formatVersion: this.formatVersion,
      params: { ...this.params },
      state: this.fitted,
    };
  }

  /** Rebuilds an estimator saved with toJSON. Refuses another kind or a newer format. */
  static fromJSON<T extends Estimator<object, unknown>>(
    this: new (
      params: never,
    ) => T,
    json: EstimatorJSON<unknown, unknown>,
  ): T {
    const est = new this(json.params as never);
    checkSavedHeader(json, est.kind, est.formatVersion);
    est.fitted = json.state;
    return est;
  }
}

/** Refuses a saved estimator of another kind, or of a format newer than this Cairn reads. */
export function checkSavedHeader(
  json: EstimatorJSON<unknown, unknown>,
  kind: string,
  formatVersion: number,
): void {
  if (json.kind !== kind)
    throw new InputError('wrong_kind', `saved estimator is '${json.kind}', not '${kind}'`, { field: 'kind' });
  if (!(json.formatVersion <= formatVersion))
    throw new InputError(
      'newer_format',
      `saved ${json.kind} has format version ${json.formatVersion}, this Cairn reads up to ${formatVersion}: upgrade Cairn`,
      { field: 'formatVersion' },
    );
}

/** Shared shape of the learned state of supervised models. */
export interface SupervisedState {
  /** Number of feature columns seen in fit. */
  readonly nFeatures: number;
}

export interface Regressor {
  fit(X: Matrix, y: Float64Array, opts?: FitOptions): this;
  /** Fills `out` (length X.rows) when given, else a new array. */
  predict(X: Matrix, out?: Float64Array): Float64Array;
}

export interface Classifier {
  fit(X: Matrix, y: Float64Array, opts?: FitOptions): this;
  /** Sorted distinct labels seen in fit; columns of predictProba follow this order. */
  readonly classes: Float64Array;
  predict(X: Matrix, out?: Float64Array): Float64Array;
  /** rows × classes, row-major. */
  predictProba(X: Matrix): Matrix;
}

export type SupervisedEstimator = (Regressor | Classifier) & Estimator<object, unknown>;

export function isClassifier(e: unknown): e is Classifier {
  return typeof (e as Classifier).predictProba === 'function';
}

/** Input checks every model makes at fit and predict. */
export function checkFitInput(
  kind: string,
  X: Matrix,
  y: ArrayLike<number>,
  opts: { allowNaN?: boolean } = {},
): void {
  if (X.layout !== 'row') throw new InputError('layout', `${kind} expects a row-major matrix`);
  if (X.rows === 0) throw new InputError('empty', `${kind}: cannot fit on 0 rows`);
  if (y.length !== X.rows)
    throw new InputError('length_mismatch', `${kind}: X has ${X.rows} rows but y has ${y.length} values`);
  if (!opts.allowNaN) assertFiniteMatrix(kind, X);
  for (let i = 0; i < y.length; i++)
    if (!Number.isFinite(y[i]))
      throw new InputError('missing_target', `${kind}: target value at row ${i} is missing or not finite`, {
        row: i,
      });
}

export function checkPredictInput(
  kind: string,
  X: Matrix,
  nFeatures: number,
  opts: { allowNaN?: boolean } = {},
): void {
  if (X.layout !== 'row') throw new InputError('layout', `${kind} expects a row-major matrix`);
  if (X.cols !== nFeatures)
    throw new InputError(
      'feature_count',
      `${kind}: X has ${X.cols} features, but the model was fitted with ${nFeatures}`,
      { expected: nFeatures, got: X.cols },
    );
  if (!opts.allowNaN) assertFiniteMatrix(kind, X);
}

export function assertFiniteMatrix(kind: string, X: Matrix): void {
  const d = X.data;
  // x * 0 is 0 for every finite x and NaN for NaN and ±Infinity: one cheap pass with four
  // accumulators, and the slow search for the culprit only when there is one.
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  const n4 = d.length - (d.length % 4);
  for (let i = 0; i < n4; i += 4) {
    a += d[i] * 0;
    b += d[i + 1] * 0;
    c += d[i + 2] * 0;
    e += d[i + 3] * 0;
  }
  for (let i = n4; i < d.length; i++) a += d[i] * 0;
  if (a + b + c + e === 0) return;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      const row = Math.floor(i / X.cols);
      const col = i % X.cols;
      throw new InputError(
        'not_finite',
        `${kind} does not accept missing or infinite values (row ${row}, feature ${col}); impute them first`,
        { row, feature: col },
      );
    }
  }
}
