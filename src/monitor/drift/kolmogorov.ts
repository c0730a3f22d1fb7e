import { kolmogorovCdfDurbin } from './kolmogorov-durbin.js';
import { kolmogorovCdfPelzGood } from './kolmogorov-pelz-good.js';
import { kolmogorovCdfPomeranz } from './kolmogorov-pomeranz.js';
import { clipProb } from './scale.js';
import { smirnovSf } from './smirnov.js';

/**
 * The distribution of the two-sided one-sample Kolmogorov-Smirnov statistic D_n for finite n
 * (SciPy's `stats.kstwo`), choosing among exact and asymptotic methods by n and n x^2 exactly as
 * SciPy 1.10's `_kolmogn` does (Simard and L'Ecuyer, 2011): Ruben-Gambino closed forms at the ends,
 * 2 * smirnov in the upper tail, Durbin's matrix or Pomeranz's recursion where they are exact and
 * cheap, and the Pelz-Good series otherwise.
 */
export function kolmogorovSf(n: number, x: number): number {
  return kolmogn(n, x, false);
}

export function kolmogorovCdf(n: number, x: number): number {
  return kolmogn(n, x, true);
}

const STIRLING = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];
const LOG_2PI = Math.log(2 * Math.PI);

/** log(n! / n^n) by Stirling's series. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  const y = rn / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * y + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

function pick(cdfProb: number, sfProb: number, cdf: boolean): number {
  return clipProb(cdf ? cdfProb : sfProb);
}

function kolmogn(n: number, x: number, cdf: boolean): number {
  if (Number.isNaN(n) || Number.isNaN(x)) return Number.NaN;
  if (!Number.isInteger(n) || n <= 0) return Number.NaN;
  if (x >= 1) return pick(1, 0, cdf);
  if (x <= 0) return pick(0, 1, cdf);
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return pick(0, 1, cdf);
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return pick(prob, 1 - prob, cdf);
  }
  if (t >= n - 1) {
    const prob = 2 * (1 - x) ** n;
    return pick(1 - prob, prob, cdf);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSf(n, x);
    return pick(1 - prob, prob, cdf);
  }
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) {
      const prob = kolmogorovCdfDurbin(n, x);
      return pick(prob, 1 - prob, cdf);
    }
    if (nxsquared <= 4) {
      const prob = kolmogorovCdfPomeranz(n, x);
      return pick(prob, 1 - prob, cdf);
    }
    const prob = 2 * smirnovSf(n, x);
    return pick(1 - prob, prob, cdf);
  }
  if (!cdf) {
    if (nxsquared >= 370) return 0;
    if (nxsquared >= 2.2) return clipProb(2 * smirnovSf(n, x));
  }
  let cdfProb: number;
  if (nxsquared >= 18) cdfProb = 1;
  else if (n <= 100_000 && n * x ** 1.5 <= 1.4) cdfProb = kolmogorovCdfDurbin(n, x);
  else cdfProb = kolmogorovCdfPelzGood(n, x);
  return pick(cdfProb, 1 - cdfProb, cdf);
}
