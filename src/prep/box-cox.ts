import { brentMinimize } from './brent.js';

/**
 * The Box-Cox λ that maximizes the log-likelihood of positive values, as SciPy 1.10's
 * `stats.boxcox(x)` finds it (`boxcox_normmax(method='mle')`: Brent's method bracketed from
 * (-2, 2) on `-boxcox_llf`), which scikit-learn's PowerTransformer('box-cox') also uses. The
 * log-likelihood is flat at its maximum, so objectives that differ in the last bit (numpy sums
 * pairwise) stop Brent's search ~1e-8 apart: λ agrees with SciPy's to about that.
 */
export function boxCoxLambda(values: Float64Array): number {
  const n = values.length;
  const logs = Float64Array.from(values, Math.log);
  let logSum = 0;
  for (let i = 0; i < n; i++) logSum += logs[i];
  const scratch = new Float64Array(n);
  const negLlf = (lambda: number): number => {
    // SciPy's boxcox_llf: the variance of y^λ / λ (without the -1/λ offset, which does not change it)
    if (lambda === 0) scratch.set(logs);
    else for (let i = 0; i < n; i++) scratch[i] = values[i] ** lambda / lambda;
    return -((lambda - 1) * logSum - (n / 2) * Math.log(variance(scratch)));
  };
  return brentMinimize(negLlf, -2, 2).x;
}

function variance(v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i];
  const mean = sum / v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i] - mean) ** 2;
  return ss / v.length;
}
