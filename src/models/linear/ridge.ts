/**
 * Ridge regression, as scikit-learn's Ridge with its default dense solver: minimize
 * ||sqrt(W)(y - X b - b0)||² + alpha ||b||², the intercept b0 not penalized (X and y are centered
 * with weighted means first). Solved by Cholesky on the normal equations (X'WX + alpha I) b = X'Wy,
 * accumulated in one pass over X; when that matrix is not numerically positive definite (alpha = 0
 * on collinear columns) it falls back to min-norm least squares on the stacked system, as
 * scikit-learn falls back to its SVD solver.
 *
 *   const model = new Ridge({ alpha: 10 }).fit(X, y);
 */
import type { Matrix } from '../../data/matrix.js';
import {
  checkFitInput,
  checkPredictInput,
  Estimator,
  type FitOptions,
  type Regressor,
  type SupervisedState,
} from '../estimator.js';
import { solveSPD } from '../linalg/cholesky.js';
import { normalEquations, weightedMeans } from '../linalg/gram.js';
import { dot } from '../linalg/vector.js';
import { type ParamSpecs, param } from '../params.js';
import { registerEstimator } from '../registry.js';
import { leastSquares } from './least-squares.js';
import { predictLinear } from './linear-predict.js';
import { checkSampleWeight } from './sample-weight.js';

export interface RidgeParams {
  /** L2 penalty strength on the coefficients (not the intercept); 0 is ordinary least squares. Default `1`. */
  alpha: number;
  /** Fit an unpenalized intercept (center X and y first). Default `true`. */
  fitIntercept: boolean;
}

export const RIDGE_DEFAULTS = {
  alpha: 1,
  fitIntercept: true,
} satisfies RidgeParams;

const SPECS: ParamSpecs<RidgeParams> = {
  alpha: param.number('L2 penalty strength on the coefficients; larger shrinks them more.', { min: 0 }),
  fitIntercept: param.boolean('Fit an unpenalized intercept; when false the model goes through the origin.'),
};

export interface RidgeState extends SupervisedState {
  readonly coef: Float64Array;
  readonly intercept: number;
  /** 'cholesky' normally; 'lstsq' when the normal equations were singular. */
  readonly solver: 'cholesky' | 'lstsq';
}

export class Ridge extends Estimator<RidgeParams, RidgeState> implements Regressor {
  readonly kind = 'Ridge';
  protected readonly specs = SPECS;

  constructor(params: Partial<RidgeParams> = {}) {
    super(RIDGE_DEFAULTS, params);
  }

  fit(X: Matrix, y: Float64Array, opts: FitOptions = {}): this {
    this.checkParams();
    checkFitInput(this.kind, X, y);
    const w = checkSampleWeight(this.kind, opts.sampleWeight, X.rows);
    const { alpha, fitIntercept } = this.params;
    const n = X.rows;
    const p = X.cols;
    const { xMean, yMean } = fitIntercept
      ? weightedMeans(X.data, n, p, y, w)
      : { xMean: new Float64Array(p), yMean: 0 };
    const { gram, xty } = normalEquations(X.data, n, p, y, w, xMean, yMean);
    for (let j = 0; j < p; j++) gram[j * p + j] += alpha;
    const coef = solveSPD(gram, p, xty);
    if (coef) {
      const intercept = fitIntercept ? yMean - dot(xMean, coef) : 0;
      this.fitted = { nFeatures: p, coef, intercept, solver: 'cholesky' };
    } else {
      const ls = leastSquares(X, y, w, fitIntercept, alpha);
      this.fitted = { nFeatures: p, coef: ls.coef, intercept: ls.intercept, solver: 'lstsq' };
    }
    return this;
  }

  predict(X: Matrix, out?: Float64Array): Float64Array {
    const s = this.state;
    checkPredictInput(this.kind, X, s.nFeatures);
    return predictLinear(X, s.coef, s.intercept, out);
  }
}

registerEstimator('Ridge', Ridge);
