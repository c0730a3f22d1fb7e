import { describe, expect, it } from 'vitest';
import { type LbfgsIteration, minimizeLbfgs, type Objective } from './lbfgs.js';
import { MoreThuente } from './lbfgs-line-search.js';

/** Extended Rosenbrock: sum over pairs of 100 (x2 - x1²)² + (1 - x1)², minimum 0 at all ones. */
const rosenbrock: Objective = (x, g) => {
  const n = x.length;
  let f = 0;
  g.fill(0);
  for (let i = 0; i < n - 1; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * x[i] * a - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
};

/** Rosenbrock's start (-1.2, 1) repeated. */
function rosenStart(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
}

describe('minimizeLbfgs', () => {
  it('minimizes the 2-d Rosenbrock function like scipy L-BFGS-B', () => {
    // scipy 1.10.1: minimize(rosen, [-1.2, 1], jac=rosen_der, method='L-BFGS-B') stops on the
    // relative reduction of f after 36 iterations and 44 evaluations.
    const r = minimizeLbfgs(rosenbrock, rosenStart(2));
    expect(r.converged).toBe(true);
    expect(r.stop).toBe('ftol');
    expect(r.iterations).toBe(36);
    expect(r.evaluations).toBe(44);
    // scipy's stopping point, to 1e-10: the same path, not only the same optimum
    expect(Math.abs(r.x[0] - 0.9999989453492878)).toBeLessThan(1e-10);
    expect(Math.abs(r.x[1] - 0.9999980209057429)).toBeLessThan(1e-10);
  });

  it('reaches the Rosenbrock optimum to 1e-12 with a tight gtol (scipy: 39 iterations)', () => {
    const r = minimizeLbfgs(rosenbrock, rosenStart(2), { gtol: 1e-10, ftol: 0 });
    expect(r.stop).toBe('gtol');
    expect(r.gradMaxNorm).toBeLessThanOrEqual(1e-10);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-12);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-12);
    expect(r.iterations).toBe(39);
    expect(r.evaluations).toBe(47);
  });

  it('minimizes the 10-d extended Rosenbrock function (scipy: 80 iterations to gtol 1e-10)', () => {
    const r = minimizeLbfgs(rosenbrock, rosenStart(10), { gtol: 1e-10, ftol: 0 });
    expect(r.converged).toBe(true);
    for (const v of r.x) expect(Math.abs(v - 1)).toBeLessThan(1e-9);
    expect(r.iterations).toBe(80);
    expect(r.evaluations).toBe(98);
  });

  it('finds the known optimum of an ill-conditioned quadratic', () => {
    // f(x) = 0.5 (x - c)' A (x - c), A symmetric positive definite with condition ~1000: optimum c.
    const c = [3, -1, 0.5, 2];
    const A = [
      [1, 0.5, 0, 0],
      [0.5, 10, 0.5, 0],
      [0, 0.5, 100, 0.5],
      [0, 0, 0.5, 1000],
    ];
    const sym: Objective = (x, g) => {
      let f = 0;
      for (let i = 0; i < 4; i++) {
        let s = 0;
        for (let j = 0; j < 4; j++) s += A[i][j] * (x[j] - c[j]);
        g[i] = s;
        f += 0.5 * (x[i] - c[i]) * s;
      }
      return f;
    };
    const r = minimizeLbfgs(sym, new Float64Array(4), { gtol: 1e-12, ftol: 0 });
    expect(r.converged).toBe(true);
    for (let i = 0; i < 4; i++) expect(Math.abs(r.x[i] - c[i])).toBeLessThan(1e-10);
  });

  it('stops at maxIter without claiming convergence', () => {
    const r = minimizeLbfgs(rosenbrock, rosenStart(2), { maxIter: 5 });
    expect(r.iterations).toBe(5);
    expect(r.stop).toBe('maxIter');
    expect(r.converged).toBe(false);
  });

  it('reports every iteration with a decreasing loss and a count of evaluations', () => {
    const seen: LbfgsIteration[] = [];
    const r = minimizeLbfgs(rosenbrock, rosenStart(2), { onIteration: (it) => void seen.push(it) });
    expect(seen.length).toBe(r.iterations);
    expect(seen.map((s) => s.iteration)).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
    for (let i = 1; i < seen.length; i++) expect(seen[i].f).toBeLessThanOrEqual(seen[i - 1].f);
    expect(seen[seen.length - 1].evaluations).toBe(r.evaluations);
  });

  it('returns at once when the start is already optimal, and leaves x0 untouched', () => {
    const x0 = new Float64Array([1, 1]);
    const r = minimizeLbfgs(rosenbrock, x0);
    expect(r.iterations).toBe(0);
    expect(r.stop).toBe('gtol');
    const start = rosenStart(2);
    minimizeLbfgs(rosenbrock, start, { maxIter: 3 });
    expect(Array.from(start)).toEqual([-1.2, 1]);
  });

  it('refuses a starting point where the objective is not finite', () => {
    expect(() => minimizeLbfgs(() => Number.NaN, new Float64Array(2))).toThrow(/not finite/);
  });

  it('backs off from trial points where the objective overflows', () => {
    // exp grows past the float range for x > 709; the minimum of exp(x) - 2x is at ln 2.
    const f: Objective = (x, g) => {
      const e = Math.exp(x[0]);
      g[0] = e - 2;
      return e - 2 * x[0];
    };
    const r = minimizeLbfgs(f, new Float64Array([-800]), { gtol: 1e-10 });
    expect(r.x[0]).toBeCloseTo(Math.LN2, 8);
  });
});

describe('MoreThuente line search', () => {
  it('accepts a step satisfying the strong Wolfe conditions on a 1-d quadratic', () => {
    // phi(a) = (a - 2)², phi(0) = 4, phi'(0) = -4; the minimizer a = 2 satisfies both conditions.
    const ls = new MoreThuente();
    let stp = ls.start(4, -4, 0.01);
    for (let k = 0; k < 20; k++) {
      const next = ls.next(stp, (stp - 2) ** 2, 2 * (stp - 2));
      if (next.task !== 'evaluate') break;
      stp = next.stp;
    }
    const f = (stp - 2) ** 2;
    expect(f).toBeLessThanOrEqual(4 + 1e-3 * stp * -4);
    expect(Math.abs(2 * (stp - 2))).toBeLessThanOrEqual(0.9 * 4);
    expect(stp).toBeGreaterThan(0.01);
  });

  it('refuses a direction that is not a descent direction', () => {
    expect(() => new MoreThuente().start(1, 0.5, 1)).toThrow(/descent/);
  });
});
