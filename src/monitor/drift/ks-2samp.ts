import { InputError } from '../../util/errors.js';
import { kolmogorovSf } from './kolmogorov.js';
import { outerProbInsideMethod, probOutsideSquare } from './ks-exact.js';
import { clipProb, roundHalfEven } from './scale.js';

/** How the p-value is computed: 'auto' is exact when both samples have at most 10,000 values. */
export type KsMethod = 'auto' | 'exact' | 'asymp';

export interface KsResult {
  /** sup |F1 - F2| of the two empirical distribution functions. */
  readonly statistic: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** The method that produced the p-value. */
  readonly method: 'exact' | 'asymp';
}

/** SciPy's MAX_AUTO_N: 'auto' tries the exact distribution up to this sample size. */
export const KS_MAX_EXACT_N = 10_000;

/**
 * The two-sided two-sample Kolmogorov-Smirnov test, equal to SciPy 1.10's
 * `ks_2samp(a, b, alternative='two-sided', method)`: the statistic from the right-continuous ECDFs;
 * the exact null distribution (lattice paths) for samples of at most 10,000 when 'auto', else (or
 * when the exact count fails) Smirnov's asymptotic form, the finite-n Kolmogorov distribution at
 * n = round(m n / (m + n)). Ties are allowed (the test is then conservative). Missing values (NaN)
 * are refused: drop them first.
 */
export function ks2samp(a: ArrayLike<number>, b: ArrayLike<number>, method: KsMethod = 'auto'): KsResult {
  const x = sortedCopy(a, 'first sample');
  const y = sortedCopy(b, 'second sample');
  const n1 = x.length;
  const n2 = y.length;
  let d = ksStatistic(x, y);
  const g = gcd(n1, n2);
  let mode: 'exact' | 'asymp' =
    method === 'auto' ? (Math.max(n1, n2) <= KS_MAX_EXACT_N ? 'exact' : 'asymp') : method;
  if (method === 'exact' && n1 / g >= 2147483647 / (n2 / g)) mode = 'asymp';
  let prob = Number.NaN;
  if (mode === 'exact') {
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) prob = 1;
    else prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
    if (!(prob >= 0 && prob <= 1)) mode = 'asymp';
  }
  if (mode === 'asymp') {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    const en = (m * n) / (m + n);
    prob = kolmogorovSf(roundHalfEven(en), d);
  }
  return { statistic: d, pValue: clipProb(prob), method: mode };
}

/**
 * max over all observed values of |F1(v) - F2(v)|, with F(v) = #(sample <= v) / size, computed with
 * the same floating-point operations as SciPy (so the exact path rounds to the same lattice h).
 */
export function ksStatistic(x: Float64Array, y: Float64Array): number {
  const n1 = x.length;
  const n2 = y.length;
  let i = 0;
  let j = 0;
  let maxS = Number.NEGATIVE_INFINITY;
  let minS = Number.POSITIVE_INFINITY;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && x[i] <= y[j]) ? x[i] : y[j];
    while (i < n1 && x[i] <= v) i++;
    while (j < n2 && y[j] <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minS) minS = diff;
  }
  const down = Math.min(Math.max(-minS, 0), 1);
  return Math.max(down, maxS);
}

function sortedCopy(values: ArrayLike<number>, name: string): Float64Array {
  const out = Float64Array.from(values);
  if (out.length === 0)
    throw new InputError('empty_sample', `ks2samp: the ${name} is empty`, { field: name });
  for (let i = 0; i < out.length; i++)
    if (Number.isNaN(out[i]))
      throw new InputError(
        'nan_in_sample',
        `ks2samp: the ${name} holds NaN at index ${i}; drop missing values first`,
        {
          field: name,
          row: i,
        },
      );
  return out.sort();
}

function gcd(a: number, b: number): number {
  let p = a;
  let q = b;
  while (q) [p, q] = [q, p % q];
  return p;
}
