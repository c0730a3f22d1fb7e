/**
 * Ordinary least squares, as scikit-learn's LinearRegression: center X and y (weighted means when
 * sample weights are given), scale rows by sqrt(weight), and take the minimum-norm least-squares
 * solution (QR, then SVD of the triangle; scikit-learn calls LAPACK gelsd through scipy.linalg.lstsq).
 * A rank-deficient X (a duplicated or constant column) gets the minimum-norm coefficients, as in
 * scikit-learn, and `state.rank` tells the rank found.
 *
 *   const model = new LinearRegression().fit(X, y);
 *   const yHat = model.predict(Xnew);
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
import { type ParamSpecs, param } from '../params.js';
import { registerEstimator } from '../registry.js';
import { leastSquares } from './least-squares.js';
import { predictLinear } from './linear-predict.js';
import { checkSampleWeight } from './sample-weight.js';

export interface LinearRegressionParams {
  /** Fit an intercept (center X and y first). Default `true`. */
  fitIntercept: boolean;
}

export const LINEAR_REGRESSION_DEFAULTS = {
  fitIntercept: true,
} satisfies LinearRegressionParams;

const SPECS: ParamSpecs<LinearRegressionParams> = {
  fitIntercept: param.boolean('Fit an intercept; when false the model goes through the origin.'),
};

export interface LinearRegressionState extends SupervisedState {
  readonly coef: Float64Array;
  readonly intercept: number;
  /** Rank of the (centered, weighted) design matrix; below nFeatures means min-norm coefficients. */
  readonly rank: number;
}

export class LinearRegression
  extends Estimator<LinearRegressionParams, LinearRegressionState>
  implements Regressor
{
  readonly kind = 'LinearRegression';
  protected readonly specs = SPECS;

  constructor(params: Partial<LinearRegressionParams> = {}) {
    super(LINEAR_REGRESSION_DEFAULTS, params);
  }

  fit(X: Matrix, y: Float64Array, opts: FitOptions = {}): this {
    this.checkParams();
    checkFitInput(this.kind, X, y);
    const w = checkSampleWeight(this.kind, opts.sampleWeight, X.rows);
    const { coef, intercept, rank } = leastSquares(X, y, w, this.params.fitIntercept, 0);
    this.fitted = { nFeatures: X.cols, coef, intercept, rank };
    return this;
  }

  predict(X: Matrix, out?: Float64Array): Float64Array {
    const s = this.state;
    checkPredictInput(this.kind, X, s.nFeatures);
    return predictLinear(X, s.coef, s.intercept, out);
  }
}

registerEstimator('LinearRegression', LinearRegression);
