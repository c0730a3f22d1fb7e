/**
 * The Moré-Thuente line search (J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed
 * sufficient decrease", ACM TOMS 20(3), 1994), the one L-BFGS-B (and so scipy and scikit-learn's
 * lbfgs solver) uses. It looks for a step `stp > 0` along a descent direction that satisfies the
 * strong Wolfe conditions
 *
 *   f(stp) <= f(0) + ftol * stp * f'(0)      (sufficient decrease)
 *   |f'(stp)| <= gtol * |f'(0)|              (curvature)
 *
 * by keeping an interval of uncertainty [stx, sty] and trying safeguarded cubic / quadratic
 * interpolation steps inside it. Written as a class that is stepped by its caller, so the optimizer
 * keeps control of evaluations (it counts them and may give up).
 */

/** What `next` asks for: evaluate at `stp` ('evaluate'), or stop with the last evaluated step. */
export type LineSearchTask = 'evaluate' | 'converged' | 'warning';

export interface LineSearchParams {
  /** Sufficient decrease constant (L-BFGS-B: 1e-3). */
  ftol: number;
  /** Curvature constant (L-BFGS-B: 0.9). */
  gtol: number;
  /** Relative width of the interval below which the search stops (L-BFGS-B: 0.1). */
  xtol: number;
  stpmin: number;
  stpmax: number;
}

export const LBFGSB_LINE_SEARCH: LineSearchParams = {
  ftol: 1e-3,
  gtol: 0.9,
  xtol: 0.1,
  stpmin: 0,
  stpmax: 1e10,
};

const XTRAPL = 1.1;
const XTRAPU = 4.0;

/** The interval end points with their function values and derivatives, updated by `safeguardedStep`. */
interface Bracket {
  stx: number;
  fx: number;
  gx: number;
  sty: number;
  fy: number;
  gy: number;
  bracketed: boolean;
}

export class MoreThuente {
  readonly #p: LineSearchParams;
  #stage: 1 | 2 = 1;
  #finit = 0;
  #ginit = 0;
  #gtest = 0;
  #width = 0;
  #width1 = 0;
  #stmin = 0;
  #stmax = 0;
  readonly #b: Bracket = { stx: 0, fx: 0, gx: 0, sty: 0, fy: 0, gy: 0, bracketed: false };
  /** Why the search stopped with a warning, for messages. */
  warning = '';

  constructor(params: LineSearchParams = LBFGSB_LINE_SEARCH) {
    this.#p = params;
  }

  /**
   * Starts a search from f(0) = f0, f'(0) = g0 < 0 with a first trial step; returns that step, which
   * the caller evaluates before calling `next`.
   */
  start(f0: number, g0: number, stp: number): number {
    const p = this.#p;
    if (!(g0 < 0)) throw new RangeError(`line search needs a descent direction, got f'(0) = ${g0}`);
    if (!(stp >= p.stpmin && stp <= p.stpmax)) throw new RangeError(`initial step ${stp} out of bounds`);
    this.#stage = 1;
    this.#finit = f0;
    this.#ginit = g0;
    this.#gtest = p.ftol * g0;
    this.#width = p.stpmax - p.stpmin;
    this.#width1 = this.#width / 0.5;
    const b = this.#b;
    b.stx = 0;
    b.fx = f0;
    b.gx = g0;
    b.sty = 0;
    b.fy = f0;
    b.gy = g0;
    b.bracketed = false;
    this.#stmin = 0;
    this.#stmax = stp + XTRAPU * stp;
    this.warning = '';
    return stp;
  }

  /**
   * Takes f(stp) and f'(stp) at the step last handed out; returns the task and the step: for
   * 'evaluate' the next step to try, otherwise the accepted step (the one just evaluated).
   */
  next(stp: number, f: number, g: number): { task: LineSearchTask; stp: number } {
    const p = this.#p;
    const b = this.#b;
    const gtest = this.#gtest;
    const ftest = this.#finit + stp * gtest;
    if (this.#stage === 1 && f <= ftest && g >= 0) this.#stage = 2;

    if (f <= ftest && Math.abs(g) <= p.gtol * -this.#ginit) return { task: 'converged', stp };
    if (b.bracketed && (stp <= this.#stmin || stp >= this.#stmax))
      return this.#warn('rounding errors prevent progress', stp);
    if (b.bracketed && this.#stmax - this.#stmin <= p.xtol * this.#stmax)
      return this.#warn('the interval of uncertainty is below xtol', stp);
    if (stp === p.stpmax && f <= ftest && g <= gtest) return this.#warn('the step is at stpmax', stp);
    if (stp === p.stpmin && (f > ftest || g >= gtest)) return this.#warn('the step is at stpmin', stp);

    let next: number;
    if (!Number.isFinite(f) || !Number.isFinite(g)) {
      // Not part of the published algorithm: an overflowing trial point is treated as "too far", so
      // the search bisects back toward the best step instead of interpolating through Infinity.
      b.sty = stp;
      b.fy = Number.POSITIVE_INFINITY;
      b.gy = 0;
      b.bracketed = true;
      next = b.stx + 0.5 * (stp - b.stx);
    } else if (this.#stage === 1 && f <= b.fx && f > ftest) {
      // A lower value without sufficient decrease: interpolate the modified function
      // psi(stp) = f(stp) - f(0) - ftol * stp * f'(0), whose minimizer the interval then holds.
      b.fx -= b.stx * gtest;
      b.fy -= b.sty * gtest;
      b.gx -= gtest;
      b.gy -= gtest;
      next = safeguardedStep(b, stp, f - stp * gtest, g - gtest, this.#stmin, this.#stmax);
      b.fx += b.stx * gtest;
      b.fy += b.sty * gtest;
      b.gx += gtest;
      b.gy += gtest;
    } else {
      next = safeguardedStep(b, stp, f, g, this.#stmin, this.#stmax);
    }

    if (b.bracketed) {
      // Bisect when the interval did not shrink enough over the last two steps.
      if (Math.abs(b.sty - b.stx) >= 0.66 * this.#width1) next = b.stx + 0.5 * (b.sty - b.stx);
      this.#width1 = this.#width;
      this.#width = Math.abs(b.sty - b.stx);
      this.#stmin = Math.min(b.stx, b.sty);
      this.#stmax = Math.max(b.stx, b.sty);
    } else {
      this.#stmin = next + XTRAPL * (next - b.stx);
      this.#stmax = next + XTRAPU * (next - b.stx);
    }
    next = Math.min(Math.max(next, p.stpmin), p.stpmax);
    // No further progress possible: go back to the best step so far (the caller evaluates it once
    // more and the warning tests above then end the search there).
    if (
      b.bracketed &&
      (next <= this.#stmin || next >= this.#stmax || this.#stmax - this.#stmin <= p.xtol * this.#stmax)
    )
      next = b.stx;
    return { task: 'evaluate', stp: next };
  }

  #warn(why: string, stp: number): { task: LineSearchTask; stp: number } {
    this.warning = why;
    return { task: 'warning', stp };
  }
}

/**
 * One safeguarded trial step from the interval end points (stx, sty) and the new point (stp, fp,
 * dp); updates the interval in place and returns the next step. The four cases follow the paper:
 * a higher value brackets a minimizer; a lower value with a derivative of opposite sign brackets it
 * too; otherwise the step extrapolates, cubic when the cubic's minimizer lies beyond stp.
 */
export function safeguardedStep(
  b: Bracket,
  stp: number,
  fp: number,
  dp: number,
  stpmin: number,
  stpmax: number,
): number {
  const { stx, fx, gx: dx, sty, fy, gy: dy } = b;
  const sgnd = dp * Math.sign(dx);
  let stpf: number;

  if (fp > fx) {
    // Case 1: higher value. Cubic step if closer to stx than the quadratic, else their average.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const stpc = stx + (p / q) * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    b.bracketed = true;
  } else if (sgnd < 0) {
    // Case 2: lower value, derivatives of opposite sign. Cubic if farther from stp than the secant.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const stpc = stp + (p / q) * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    b.bracketed = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Case 3: lower value, same sign, derivative shrinking. The cubic step is used only when the
    // cubic tends to infinity in the step's direction or its minimizer lies beyond stp.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt(Math.max(0, (theta / s) ** 2 - (dx / s) * (dp / s)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else stpc = stp > stx ? stpmax : stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (b.bracketed) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else if (b.bracketed) {
    // Case 4: lower value, same sign, derivative not shrinking, bracketed: cubic toward sty.
    const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dy / s) * (dp / s));
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    stpf = stp + (p / q) * (sty - stp);
  } else {
    stpf = stp > stx ? stpmax : stpmin;
  }

  // Keep the end point with the lower value in stx, the other in sty.
  if (fp > fx) {
    b.sty = stp;
    b.fy = fp;
    b.gy = dp;
  } else {
    if (sgnd < 0) {
      b.sty = stx;
      b.fy = fx;
      b.gy = dx;
    }
    b.stx = stp;
    b.fx = fp;
    b.gx = dp;
  }
  return stpf;
}
