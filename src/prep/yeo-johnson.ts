/**
 * The Yeo-Johnson power transform and its maximum-likelihood lambda, as scikit-learn 1.2 computes
 * them (`PowerTransformer._yeo_johnson_transform` and `_yeo_johnson_optimize`). Browser-safe.
 */
import { brentMinimize } from './brent.js';
import { numpyVariance, pairwiseSum } from './pairwise-sum.js';

/** `np.spacing(1.0)`: below this distance lambda counts as exactly 0 or 2. */
const SPACING_1 = Number.EPSILON;
/** `np.finfo(np.float64).tiny`, the smallest normal double. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/** Transforms `x` into `out` with parameter `lambda`; missing values stay missing. */
export function yeoJohnson(x: Float64Array, lambda: number, out = new Float64Array(x.length)): Float64Array {
  const nearZero = Math.abs(lambda) < SPACING_1;
  const nearTwo = !(Math.abs(lambda - 2) > SPACING_1);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) out[i] = nearZero ? Math.log1p(v) : ((v + 1) ** lambda - 1) / lambda;
    else if (!nearTwo) out[i] = -((-v + 1) ** (2 - lambda) - 1) / (2 - lambda);
    else out[i] = -Math.log1p(-v);
  }
  return out;
}

/**
 * The lambda that maximizes the Yeo-Johnson log-likelihood of the non-missing values, found by
 * SciPy's Brent search from the bracket (-2, 2) like scikit-learn. `x` must hold no missing values.
 */
export function yeoJohnsonLambda(x: Float64Array): number {
  const n = x.length;
  // numpy's summation order throughout: the objective is flat at its maximum, so its last bits
  // steer where Brent's search stops
  const signedLogSum = pairwiseSum(Float64Array.from(x, (v) => Math.sign(v) * Math.log1p(Math.abs(v))));
  const buffer = new Float64Array(n);
  const scratch = new Float64Array(n);
  const negLogLikelihood = (lambda: number): number => {
    const t = yeoJohnson(x, lambda, buffer);
    const variance = numpyVariance(t, scratch);
    // scikit-learn refuses a variance too small for np.log (a constant column)
    if (variance < SMALLEST_NORMAL) return Number.POSITIVE_INFINITY;
    return -((-n / 2) * Math.log(variance) + (lambda - 1) * signedLogSum);
  };
  return brentMinimize(negLogLikelihood, -2, 2).x;
}
