/**
 * Limited-memory BFGS for smooth unconstrained problems on Float64Array, following L-BFGS-B as
 * scipy runs it (Byrd, Lu, Nocedal, Zhu 1995; the code behind `scipy.optimize.minimize(method=
 * 'L-BFGS-B')` and scikit-learn's lbfgs solvers) so that iteration counts and stopping points are
 * comparable: the same history size (10), the same first step (1 / ||g||), the same Moré-Thuente
 * line search constants, the same update-skipping rule and the same stopping tests (max-norm of the
 * gradient <= gtol, relative reduction of f <= ftol, iteration and evaluation limits). Without
 * bounds, L-BFGS-B's search direction is the quasi-Newton step -H g, computed here with the
 * two-loop recursion.
 *
 *   const r = minimizeLbfgs((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; },
 *     new Float64Array(1));
 *   // r.x[0] ≈ 3, r.converged === true
 *
 * Browser-safe: no Node modules.
 */
import { LBFGSB_LINE_SEARCH, MoreThuente } from './lbfgs-line-search.js';

/** Returns f(x) and writes the gradient of f at x into `grad` (length x.length). */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Number of correction pairs kept (scipy's `maxcor`). Default 10. */
  memory?: number;
  /** Stop when max_i |g_i| <= gtol (scipy's `gtol` / `pgtol`). Default 1e-5. */
  gtol?: number;
  /**
   * Stop when (f_prev - f) / max(|f_prev|, |f|, 1) <= ftol. Default 2.220446049250313e-9 (scipy's
   * default, factr = 1e7). Set 0 to stop only when f no longer decreases.
   */
  ftol?: number;
  /** Most iterations (accepted steps). Default 15000. */
  maxIter?: number;
  /** Most objective evaluations; checked after each iteration, as scipy does. Default 15000. */
  maxEval?: number;
  /** Most evaluations in one line search (scipy's `maxls`). Default 20. */
  maxLineSearch?: number;
  /** Called after every iteration; return `true` to stop early. */
  onIteration?: (info: LbfgsIteration) => boolean | undefined;
}

export interface LbfgsIteration {
  /** 1-based iteration number. */
  readonly iteration: number;
  readonly f: number;
  /** Max-norm of the gradient. */
  readonly gradMaxNorm: number;
  /** Objective evaluations so far. */
  readonly evaluations: number;
  /** Step length the line search accepted. */
  readonly step: number;
}

/** Why the minimizer stopped. 'gtol' and 'ftol' are convergence; the rest are not. */
export type LbfgsStop = 'gtol' | 'ftol' | 'maxIter' | 'maxEval' | 'lineSearch' | 'callback';

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly grad: Float64Array;
  readonly gradMaxNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly stop: LbfgsStop;
  readonly converged: boolean;
  readonly message: string;
}

export const LBFGS_DEFAULTS = {
  memory: 10,
  gtol: 1e-5,
  ftol: 2.220446049250313e-9,
  maxIter: 15000,
  maxEval: 15000,
  maxLineSearch: 20,
} as const;

const EPS = 2.220446049250313e-16;

/** Minimizes `objective` from `x0` (not modified). */
export function minimizeLbfgs(
  objective: Objective,
  x0: Float64Array,
  options: LbfgsOptions = {},
): LbfgsResult {
  const o = { ...LBFGS_DEFAULTS, ...options };
  const n = x0.length;
  const m = Math.max(1, Math.floor(o.memory));
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let evaluations = 1;
  let f = objective(x, g);
  if (!Number.isFinite(f))
    throw new RangeError(`L-BFGS: the objective is not finite at the starting point (${f})`);
  let gNorm = maxAbs(g);

  const memory = new History(n, m);
  const d = new Float64Array(n);
  const xPrev = new Float64Array(n);
  const gPrev = new Float64Array(n);
  const search = new MoreThuente(LBFGSB_LINE_SEARCH);
  let iteration = 0;

  const done = (stop: LbfgsStop, message: string): LbfgsResult => ({
    x,
    f,
    grad: g,
    gradMaxNorm: gNorm,
    iterations: iteration,
    evaluations,
    stop,
    converged: stop === 'gtol' || stop === 'ftol',
    message,
  });

  if (gNorm <= o.gtol) return done('gtol', 'the gradient max-norm is <= gtol at the start');

  for (;;) {
    memory.direction(g, d);
    let gd = dot(g, d);
    if (!(gd < 0)) {
      // Not a descent direction (rounding in a worn-out history): L-BFGS-B drops the memory.
      if (memory.size === 0) return done('lineSearch', 'no descent direction from the gradient');
      memory.clear();
      continue;
    }
    // The very first step is scaled to unit length, later ones try the full quasi-Newton step.
    let stp = iteration === 0 && memory.size === 0 ? Math.min(1 / Math.sqrt(dot(d, d)), 1e10) : 1;
    const fPrev = f;
    const gdPrev = gd;
    xPrev.set(x);
    gPrev.set(g);

    stp = search.start(f, gd, stp);
    let evalsHere = 0;
    let accepted = false;
    while (evalsHere < o.maxLineSearch) {
      for (let i = 0; i < n; i++) x[i] = xPrev[i] + stp * d[i];
      f = objective(x, g);
      evaluations++;
      evalsHere++;
      gd = dot(g, d);
      const next = search.next(stp, f, gd);
      if (next.task !== 'evaluate') {
        accepted = true;
        break;
      }
      stp = next.stp;
    }
    if (!accepted) {
      x.set(xPrev);
      g.set(gPrev);
      f = fPrev;
      gNorm = maxAbs(g);
      if (memory.size === 0) {
        iteration++;
        return done(
          'lineSearch',
          `the line search found no acceptable step in ${o.maxLineSearch} evaluations`,
        );
      }
      memory.clear();
      continue;
    }

    iteration++;
    gNorm = maxAbs(g);
    const stopNow = o.onIteration?.({ iteration, f, gradMaxNorm: gNorm, evaluations, step: stp });
    // scipy tests the iteration limit first; testing convergence first only changes the verdict
    // (converged rather than out of iterations) when both hold at the last iteration.
    if (gNorm <= o.gtol) return done('gtol', 'the gradient max-norm is <= gtol');
    if (fPrev - f <= o.ftol * Math.max(Math.abs(fPrev), Math.abs(f), 1))
      return done('ftol', 'the relative reduction of f is <= ftol');
    if (stopNow === true) return done('callback', 'stopped by onIteration');
    if (iteration >= o.maxIter) return done('maxIter', `reached maxIter (${o.maxIter}) iterations`);
    if (evaluations > o.maxEval) return done('maxEval', `reached maxEval (${o.maxEval}) evaluations`);

    // Curvature pair s = x - xPrev, y = g - gPrev; skipped when s'y is not clearly positive, as in
    // L-BFGS-B, so the inverse-Hessian estimate stays positive definite.
    memory.push(x, xPrev, g, gPrev, -gdPrev * stp);
  }
}

/** The last m curvature pairs in a ring buffer, and the two-loop recursion over them. */
class History {
  readonly #n: number;
  readonly #m: number;
  readonly #s: Float64Array;
  readonly #y: Float64Array;
  readonly #rho: Float64Array;
  readonly #alpha: Float64Array;
  /** Ring index where the next pair goes. */
  #head = 0;
  #size = 0;
  /** y'y / s'y of the newest pair: the initial Hessian is theta * I (L-BFGS-B's theta). */
  #theta = 1;

  constructor(n: number, m: number) {
    this.#n = n;
    this.#m = m;
    this.#s = new Float64Array(n * m);
    this.#y = new Float64Array(n * m);
    this.#rho = new Float64Array(m);
    this.#alpha = new Float64Array(m);
  }

  get size(): number {
    return this.#size;
  }

  clear(): void {
    this.#size = 0;
    this.#head = 0;
    this.#theta = 1;
  }

  /** Stores s = x - xPrev, y = g - gPrev unless s'y <= eps * descent (L-BFGS-B's skip rule). */
  push(x: Float64Array, xPrev: Float64Array, g: Float64Array, gPrev: Float64Array, descent: number): boolean {
    const n = this.#n;
    const off = this.#head * n;
    const s = this.#s;
    const y = this.#y;
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      const si = x[i] - xPrev[i];
      const yi = g[i] - gPrev[i];
      s[off + i] = si;
      y[off + i] = yi;
      sy += si * yi;
      yy += yi * yi;
    }
    if (!(sy > EPS * descent)) return false;
    this.#rho[this.#head] = 1 / sy;
    this.#theta = yy / sy;
    this.#head = (this.#head + 1) % this.#m;
    if (this.#size < this.#m) this.#size++;
    return true;
  }

  /** d = -H g by the two-loop recursion, H0 = I / theta. */
  direction(g: Float64Array, d: Float64Array): void {
    const n = this.#n;
    const m = this.#m;
    const s = this.#s;
    const y = this.#y;
    for (let i = 0; i < n; i++) d[i] = -g[i];
    // newest to oldest
    for (let k = 0; k < this.#size; k++) {
      const j = (this.#head - 1 - k + m) % m;
      const off = j * n;
      let a = 0;
      for (let i = 0; i < n; i++) a += s[off + i] * d[i];
      a *= this.#rho[j];
      this.#alpha[j] = a;
      for (let i = 0; i < n; i++) d[i] -= a * y[off + i];
    }
    const h0 = 1 / this.#theta;
    for (let i = 0; i < n; i++) d[i] *= h0;
    // oldest to newest
    for (let k = this.#size - 1; k >= 0; k--) {
      const j = (this.#head - 1 - k + m) % m;
      const off = j * n;
      let b = 0;
      for (let i = 0; i < n; i++) b += y[off + i] * d[i];
      b = this.#alpha[j] - this.#rho[j] * b;
      for (let i = 0; i < n; i++) d[i] += b * s[off + i];
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > m || Number.isNaN(v)) m = v;
  }
  return m;
}
