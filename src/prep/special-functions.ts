/**
 * The special functions feature scoring needs: log-gamma, log-beta, the regularized incomplete
 * beta function (for the F distribution's p-values) and digamma (for mutual information), in
 * double precision (relative error around 1e-14 on the ranges used here). Browser-safe.
 *
 * log-gamma repeats src/monitor/drift/gamma.ts's method on purpose: prep sits below monitor in
 * the lifecycle and must not import from it.
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** B_2k / (2k (2k - 1)) for k = 1..7: Stirling's series for log-gamma. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];

/** lgamma(a) - ((a - 1/2) ln a - a + ln(2 pi)/2) for a >= 10. */
function stirlingCorrection(a: number): number {
  const r2 = 1 / (a * a);
  let sum = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) sum = sum * r2 + STIRLING[k];
  return sum / a;
}

/** ln Γ(x) for x > 0; NaN elsewhere. */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let prod = 1;
  let y = x;
  while (y < 10) {
    prod *= y;
    y += 1;
  }
  return (y - 0.5) * Math.log(y) - y + HALF_LOG_2PI + stirlingCorrection(y) - Math.log(prod);
}

/**
 * ln B(a, b) for a, b > 0. When an argument is large, the Stirling terms are combined before they
 * cancel (R's lbeta), so that B(280, 0.5) keeps its relative precision.
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (!(p > 0)) return Number.NaN;
  if (p >= 10) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return (
      -0.5 * Math.log(q) +
      HALF_LOG_2PI +
      corr +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/**
 * The regularized incomplete beta function I_x(a, b), by its continued fraction (modified Lentz),
 * taken on the side of the mean where it converges fast.
 */
export function incompleteBeta(a: number, b: number, x: number): number {
  if (Number.isNaN(x) || !(a > 0) || !(b > 0)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(b, a, 1 - x);
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b)) / a;
  return front * betaContinuedFraction(a, b, x);
}

const TINY = 1e-300;

function betaContinuedFraction(a: number, b: number, x: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/**
 * The survival function of the F distribution with (dfn, dfd) degrees of freedom: the p-value of
 * an F statistic (SciPy's `special.fdtrc`). NaN for a NaN statistic, 0 for an infinite one.
 */
export function fSurvival(f: number, dfn: number, dfd: number): number {
  if (Number.isNaN(f)) return Number.NaN;
  if (f <= 0) return 1;
  if (f === Number.POSITIVE_INFINITY) return 0;
  return incompleteBeta(dfd / 2, dfn / 2, dfd / (dfd + dfn * f));
}

/** ψ(x), the digamma function, for x > 0 (the arguments mutual information needs). */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  // ln x - 1/(2x) - sum B_2k / (2k x^2k), through x^-14
  const series =
    r2 *
    (1 / 12 -
      r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 * (1 / 132 - r2 * (691 / 32760 - r2 / 12))))));
  return Math.log(x) - 0.5 * r - series + shift;
}
