import type { Matrix } from '../data/matrix.js';
import {
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
import { boxCoxLambda } from './box-cox.js';
import { isTransformer } from './transformer.js';

type AnyEstimator = Estimator<object, unknown>;
type RegressorEstimator = Regressor & AnyEstimator;

/** The transform of y: `y' = f(y)` at fit, predictions `f⁻¹(ŷ')`. */
export type TargetFunc = 'log' | 'log1p' | 'sqrt' | 'boxcox' | 'standardize';

export interface TransformedTargetParams {
  /** The regressor fitted on the transformed target (a template: fit works on a clone). Required. */
  regressor: RegressorEstimator | null;
  /**
   * Default `'log1p'`. `'log'` (y > 0) and `'log1p'` (y > -1) for right-skewed targets such as
   * prices and counts; `'sqrt'` (y >= 0); `'boxcox'` (y > 0): (y^λ - 1)/λ with λ fitted by
   * maximum likelihood on the training targets, as SciPy's boxcox (scikit-learn's
   * PowerTransformer without standardizing); `'standardize'`: (y - mean) / std.
   */
  func: TargetFunc;
}

export const TRANSFORMED_TARGET_DEFAULTS = {
  regressor: null,
  func: 'log1p',
} satisfies TransformedTargetParams;

function isRegressor(v: unknown): v is RegressorEstimator {
  return (
    v instanceof Estimator &&
    typeof (v as unknown as Regressor).predict === 'function' &&
    !isClassifier(v) &&
    !isTransformer(v)
  );
}

const SPECS: ParamSpecs<TransformedTargetParams> = {
  regressor: param.custom(
    'The regressor fitted on the transformed target.',
    'a regressor (not a classifier)',
    isRegressor,
  ),
  func: param.oneOf('The transform of y.', ['log', 'log1p', 'sqrt', 'boxcox', 'standardize']),
};

export interface TransformedTargetState {
  /** The fitted clone of the regressor, trained on f(y). */
  readonly model: RegressorEstimator;
  /** 'standardize': the training mean and population standard deviation (1 when it is 0). */
  readonly center: number;
  readonly scale: number;
  /** 'boxcox': the fitted λ. */
  readonly lambda: number;
}

/**
 * Wraps the final regressor of a Pipeline so that it learns a transformed target and predicts on
 * the original scale (scikit-learn's TransformedTargetRegressor): y is transformed at fit and
 * every prediction is inverted, so a log-price model still answers in prices when saved, served
 * or scored. Sample weights and progress pass through to the regressor.
 */
export class TransformedTarget
  extends Estimator<TransformedTargetParams, TransformedTargetState>
  implements Regressor
{
  readonly kind = 'TransformedTarget';
  protected readonly specs = SPECS;

  constructor(params: Partial<TransformedTargetParams> = {}) {
    super(TRANSFORMED_TARGET_DEFAULTS, params);
  }

  override withParams(patch: Partial<TransformedTargetParams>): this {
    const regressor = patch.regressor ?? this.params.regressor;
    return new TransformedTarget({
      ...this.params,
      ...patch,
      regressor: regressor?.clone() ?? null,
    }) as this;
  }

  fit(X: Matrix, y: Float64Array, opts: FitOptions = {}): this {
    this.checkParams();
    this.fitted = null;
    const func = this.params.func;
    checkDomain(this.kind, func, y);
    let center = 0;
    let scale = 1;
    let lambda = 1;
    if (func === 'standardize') ({ center, scale } = meanStd(y));
    if (func === 'boxcox') lambda = boxCoxLambda(y);
    const yt = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) yt[i] = forward(func, y[i], center, scale, lambda);
    const model = (this.params.regressor as RegressorEstimator).clone();
    model.fit(X, yt, opts);
    this.fitted = { model, center, scale, lambda };
    return this;
  }

  predict(X: Matrix, out?: Float64Array): Float64Array {
    const { model, center, scale, lambda } = this.state;
    const p = model.predict(X, out);
    const func = this.params.func;
    for (let i = 0; i < p.length; i++) p[i] = inverse(func, p[i], center, scale, lambda);
    return p;
  }

  /** The target as the regressor learns it: f(y) with the fitted parameters. */
  transformTarget(y: Float64Array): Float64Array {
    const { center, scale, lambda } = this.state;
    return Float64Array.from(y, (v) => forward(this.params.func, v, center, scale, lambda));
  }

  override toJSON(): EstimatorJSON<TransformedTargetParams, TransformedTargetState> {
    const s = this.fitted;
    const json = {
      kind: this.kind,
      formatVersion: this.formatVersion,
      params: { func: this.params.func, regressor: this.params.regressor?.clone().toJSON() ?? null },
      state: s && { model: s.model.toJSON(), center: s.center, scale: s.scale, lambda: s.lambda },
    };
    return json as unknown as EstimatorJSON<TransformedTargetParams, TransformedTargetState>;
  }

  static override fromJSON<T extends AnyEstimator>(
    this: new (
      params: never,
    ) => T,
    json: EstimatorJSON<unknown, unknown>,
  ): T {
    const blank = new TransformedTarget();
    checkSavedHeader(json, blank.kind, blank.formatVersion);
    const params = json.params as {
      func?: TargetFunc;
      regressor?: EstimatorJSON<unknown, unknown> | null;
    } | null;
    const regressor = params?.regressor ? estimatorFromJSON(params.regressor) : null;
    if (regressor !== null && !isRegressor(regressor))
      throw new InputError(
        'bad_model',
        `saved TransformedTarget wraps '${regressor.kind}', not a regressor`,
        {
          field: 'params.regressor',
        },
      );
    const t = new TransformedTarget({ func: params?.func, regressor });
    const state = json.state as {
      model: EstimatorJSON<unknown, unknown>;
      center: number;
      scale: number;
      lambda: number;
    } | null;
    if (state === null) return t as unknown as T;
    const model = estimatorFromJSON(state.model);
    if (!isRegressor(model) || !model.isFitted)
      throw new InputError('bad_model', 'saved TransformedTarget lacks its fitted regressor', {
        field: 'state.model',
      });
    t.fitted = { model, center: state.center, scale: state.scale, lambda: state.lambda };
    return t as unknown as T;
  }
}

function forward(func: TargetFunc, v: number, center: number, scale: number, lambda: number): number {
  switch (func) {
    case 'log':
      return Math.log(v);
    case 'log1p':
      return Math.log1p(v);
    case 'sqrt':
      return Math.sqrt(v);
    case 'standardize':
      return (v - center) / scale;
    case 'boxcox':
      // SciPy's special.boxcox: expm1 keeps precision for small λ log(y)
      return Math.abs(lambda) < 1e-19 ? Math.log(v) : Math.expm1(lambda * Math.log(v)) / lambda;
  }
}

function inverse(func: TargetFunc, v: number, center: number, scale: number, lambda: number): number {
  switch (func) {
    case 'log':
      return Math.exp(v);
    case 'log1p':
      return Math.expm1(v);
    case 'sqrt':
      return v * v;
    case 'standardize':
      return v * scale + center;
    case 'boxcox':
      // scikit-learn's PowerTransformer inverse (NaN where λ v + 1 < 0, as there)
      return Math.abs(lambda) < Number.EPSILON ? Math.exp(v) : (v * lambda + 1) ** (1 / lambda);
  }
}

const DOMAIN: Record<TargetFunc, { ok: (v: number) => boolean; needs: string; hint: string }> = {
  log: { ok: (v) => v > 0, needs: 'y > 0', hint: "use func 'log1p' for targets with zeros" },
  log1p: { ok: (v) => v > -1, needs: 'y > -1', hint: "use func 'standardize' for negative targets" },
  sqrt: { ok: (v) => v >= 0, needs: 'y >= 0', hint: "use func 'standardize' for negative targets" },
  boxcox: { ok: (v) => v > 0, needs: 'y > 0', hint: "use func 'log1p' for targets with zeros" },
  standardize: { ok: Number.isFinite, needs: 'finite y', hint: 'drop or fill the rows without a target' },
};

function checkDomain(kind: string, func: TargetFunc, y: Float64Array): void {
  const d = DOMAIN[func];
  for (let i = 0; i < y.length; i++)
    if (!(Number.isFinite(y[i]) && d.ok(y[i])))
      throw new InputError(
        'target_domain',
        `${kind}: func '${func}' needs ${d.needs}, but the target at row ${i} is ${y[i]}; ${d.hint}`,
        { row: i, field: 'func' },
      );
}

function meanStd(y: Float64Array): { center: number; scale: number } {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += y[i];
  const center = sum / y.length;
  let ss = 0;
  for (let i = 0; i < y.length; i++) ss += (y[i] - center) ** 2;
  const std = Math.sqrt(ss / y.length);
  return { center, scale: std > 0 ? std : 1 };
}

registerEstimator('TransformedTarget', TransformedTarget);
