/**
 * One-dimensional minimization as SciPy 1.10 does it in `scipy.optimize.brent(f, brack=(a, b))`:
 * `bracket` walks downhill from the two starting points until it holds a minimum, then Brent's
 * method (parabolic steps, golden sections when they fail) narrows it to a relative tolerance.
 * Ported step for step, constants included, so that a lambda found here is the one SciPy finds up
 * to the rounding of the objective. Browser-safe.
 */

export interface BrentResult {
  /** The minimizing argument. */
  x: number;
  /** The objective there. */
  fx: number;
  /** Brent iterations (after bracketing). */
  iterations: number;
  /** Objective evaluations, bracketing included. */
  evaluations: number;
}

const GOLD = 1.618034;
const VERY_SMALL = 1e-21;
const CG = 0.381966;
const MIN_TOL = 1e-11;

interface Bracket {
  xa: number;
  xb: number;
  xc: number;
  fa: number;
  fb: number;
  fc: number;
  evaluations: number;
}

/** SciPy's `bracket` (grow limit 110, at most 1000 steps); throws when it cannot bracket. */
export function bracketMinimum(f: (x: number) => number, xa: number, xb: number): Bracket {
  const growLimit = 110;
  let fa = f(xa);
  let fb = f(xb);
  if (fa < fb) {
    [xa, xb] = [xb, xa];
    [fa, fb] = [fb, fa];
  }
  let xc = xb + GOLD * (xb - xa);
  let fc = f(xc);
  let evaluations = 3;
  let iter = 0;
  while (fc < fb) {
    const tmp1 = (xb - xa) * (fb - fc);
    const tmp2 = (xb - xc) * (fb - fa);
    const val = tmp2 - tmp1;
    const denom = Math.abs(val) < VERY_SMALL ? 2 * VERY_SMALL : 2 * val;
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const wlim = xb + growLimit * (xc - xb);
    if (iter > 1000) throw new Error('bracketMinimum: too many iterations');
    iter++;
    let fw: number;
    if ((w - xc) * (xb - w) > 0) {
      fw = f(w);
      evaluations++;
      if (fw < fc) return { xa: xb, xb: w, xc, fa: fb, fb: fw, fc, evaluations };
      if (fw > fb) return { xa, xb, xc: w, fa, fb, fc: fw, evaluations };
      w = xc + GOLD * (xc - xb);
      fw = f(w);
      evaluations++;
    } else if ((w - wlim) * (wlim - xc) >= 0) {
      w = wlim;
      fw = f(w);
      evaluations++;
    } else if ((w - wlim) * (xc - w) > 0) {
      fw = f(w);
      evaluations++;
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + GOLD * (xc - xb);
        fb = fc;
        fc = fw;
        fw = f(w);
        evaluations++;
      }
    } else {
      w = xc + GOLD * (xc - xb);
      fw = f(w);
      evaluations++;
    }
    xa = xb;
    xb = xc;
    xc = w;
    fa = fb;
    fb = fc;
    fc = fw;
  }
  return { xa, xb, xc, fa, fb, fc, evaluations };
}

/** `scipy.optimize.brent(f, brack=[xa, xb], tol=1.48e-8, maxiter=500)`. */
export function brentMinimize(
  f: (x: number) => number,
  xa: number,
  xb: number,
  tol = 1.48e-8,
  maxIter = 500,
): BrentResult {
  const br = bracketMinimum(f, xa, xb);
  let evaluations = br.evaluations;
  let x = br.xb;
  let w = x;
  let v = x;
  let fx = br.fb;
  let fw = fx;
  let fv = fx;
  let a = Math.min(br.xa, br.xc);
  let b = Math.max(br.xa, br.xc);
  let deltax = 0;
  let rat = 0;
  let iter = 0;
  while (iter < maxIter) {
    const tol1 = tol * Math.abs(x) + MIN_TOL;
    const tol2 = 2 * tol1;
    const xmid = 0.5 * (a + b);
    if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) break;
    if (Math.abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x;
      rat = CG * deltax;
    } else {
      const t1 = (x - w) * (fx - fv);
      let t2 = (x - v) * (fx - fw);
      let p = (x - v) * t2 - (x - w) * t1;
      t2 = 2 * (t2 - t1);
      if (t2 > 0) p = -p;
      t2 = Math.abs(t2);
      const dxTemp = deltax;
      deltax = rat;
      if (p > t2 * (a - x) && p < t2 * (b - x) && Math.abs(p) < Math.abs(0.5 * t2 * dxTemp)) {
        rat = (p * 1) / t2;
        const u = x + rat;
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = CG * deltax;
      }
    }
    const u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const fu = f(u);
    evaluations++;
    if (fu > fx) {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        w = u;
        fv = fw;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    } else {
      if (u >= x) a = x;
      else b = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    }
    iter++;
  }
  return { x, fx, iterations: iter, evaluations };
}
