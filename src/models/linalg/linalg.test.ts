import { describe, expect, it } from 'vitest';
import { Rng } from '../../util/random.js';
import { solveSPD } from './cholesky.js';
import { normalEquations, weightedMeans } from './gram.js';
import { qrLeastSquares } from './householder-qr.js';
import { jacobiSVD } from './jacobi-svd.js';
import { lstsq } from './lstsq.js';
import { norm2 } from './vector.js';

function randomMatrix(rng: Rng, n: number, p: number): Float64Array {
  const a = new Float64Array(n * p);
  for (let i = 0; i < a.length; i++) a[i] = rng.next() * 2 - 1;
  return a;
}

function matVec(a: Float64Array, n: number, p: number, x: Float64Array): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) out[i] += a[i * p + j] * x[j];
  return out;
}

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol);
}

describe('solveSPD', () => {
  it('solves a symmetric positive definite system', () => {
    const a = new Float64Array([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]);
    const x = new Float64Array([1, -2, 3]);
    const b = matVec(a, 3, 3, x);
    expectClose(solveSPD(a, 3, b)!, x, 1e-13);
  });

  it('returns null for a singular or indefinite matrix', () => {
    expect(solveSPD(new Float64Array([1, 1, 1, 1]), 2, new Float64Array([1, 1]))).toBeNull();
    expect(solveSPD(new Float64Array([1, 2, 2, 1]), 2, new Float64Array([1, 1]))).toBeNull();
  });
});

describe('qrLeastSquares', () => {
  it("gives R with R'R = A'A and solves a consistent system exactly", () => {
    const rng = new Rng(1);
    const n = 30;
    const p = 5;
    const a = randomMatrix(rng, n, p);
    const x = new Float64Array([1, 2, -3, 0.5, 4]);
    const b = matVec(a, n, p, x);
    const { r, qtb } = qrLeastSquares(a, n, p, b);
    for (let j = 0; j < p; j++)
      for (let k = 0; k < p; k++) {
        let rr = 0;
        let aa = 0;
        for (let i = 0; i < p; i++) rr += r[i * p + j] * r[i * p + k];
        for (let i = 0; i < n; i++) aa += a[i * p + j] * a[i * p + k];
        expect(Math.abs(rr - aa)).toBeLessThan(1e-12);
      }
    // back substitution R x = Q'b
    const sol = new Float64Array(p);
    for (let i = p - 1; i >= 0; i--) {
      let s = qtb[i];
      for (let k = i + 1; k < p; k++) s -= r[i * p + k] * sol[k];
      sol[i] = s / r[i * p + i];
    }
    expectClose(sol, x, 1e-12);
  });
});

describe('jacobiSVD', () => {
  it('reconstructs the matrix with orthonormal factors', () => {
    const rng = new Rng(2);
    const m = 7;
    const k = 4;
    const g = randomMatrix(rng, m, k); // read as column-major m×k
    const { u, s, v } = jacobiSVD(g, m, k);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < k; j++) {
        let sum = 0;
        for (let t = 0; t < k; t++) sum += u[t * m + i] * s[t] * v[t * k + j];
        expect(Math.abs(sum - g[j * m + i])).toBeLessThan(1e-13);
      }
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        let uu = 0;
        let vv = 0;
        for (let i = 0; i < m; i++) uu += u[a * m + i] * u[b * m + i];
        for (let i = 0; i < k; i++) vv += v[a * k + i] * v[b * k + i];
        expect(Math.abs(uu - (a === b ? 1 : 0))).toBeLessThan(1e-13);
        expect(Math.abs(vv - (a === b ? 1 : 0))).toBeLessThan(1e-13);
      }
  });
});

describe('lstsq', () => {
  it('matches the normal-equation solution on a full-rank tall system', () => {
    const rng = new Rng(3);
    const n = 50;
    const p = 6;
    const a = randomMatrix(rng, n, p);
    const b = randomMatrix(rng, n, 1);
    const { x, rank } = lstsq(a, n, p, b);
    expect(rank).toBe(p);
    // residual orthogonal to the columns: A'(Ax - b) = 0
    const r = matVec(a, n, p, x);
    for (let i = 0; i < n; i++) r[i] -= b[i];
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += a[i * p + j] * r[i];
      expect(Math.abs(s)).toBeLessThan(1e-12);
    }
  });

  it('gives the minimum-norm solution when a column is repeated', () => {
    const rng = new Rng(4);
    const n = 40;
    const base = randomMatrix(rng, n, 3);
    const a = new Float64Array(n * 4);
    for (let i = 0; i < n; i++) {
      a.set(base.subarray(i * 3, i * 3 + 3), i * 4);
      a[i * 4 + 3] = base[i * 3];
    }
    const truth = new Float64Array([2, -1, 0.5]);
    const b = matVec(base, n, 3, truth);
    const { x, rank } = lstsq(a, n, 4, b);
    expect(rank).toBe(3);
    // the weight of the repeated column is split evenly: the min-norm answer
    expectClose(x, [1, -1, 0.5, 1], 1e-12);
  });

  it('gives the minimum-norm solution of a wide system', () => {
    // one equation x0 + x1 + x2 = 3: min-norm answer (1, 1, 1)
    const { x, rank } = lstsq(new Float64Array([1, 1, 1]), 1, 3, new Float64Array([3]));
    expect(rank).toBe(1);
    expectClose(x, [1, 1, 1], 1e-14);
  });
});

describe('normalEquations', () => {
  it('equals the naive weighted centered Gram matrix, over partial blocks and padded widths', () => {
    const rng = new Rng(5);
    for (const [n, p] of [
      [8, 3],
      [11, 4],
      [300, 5],
    ]) {
      const x = randomMatrix(rng, n, p);
      for (let i = 0; i < x.length; i++) x[i] += 100; // large means: centering must not cancel
      const y = randomMatrix(rng, n, 1);
      const w = Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 3));
      const { xMean, yMean, weightSum } = weightedMeans(x, n, p, y, w);
      expect(weightSum).toBeCloseTo(
        w.reduce((s, v) => s + v, 0),
        12,
      );
      const { gram, xty } = normalEquations(x, n, p, y, w, xMean, yMean);
      for (let j = 0; j < p; j++) {
        let c = 0;
        for (let i = 0; i < n; i++) c += w[i] * (x[i * p + j] - xMean[j]) * (y[i] - yMean);
        expect(Math.abs(xty[j] - c)).toBeLessThan(1e-11);
        for (let k = 0; k < p; k++) {
          let g = 0;
          for (let i = 0; i < n; i++) g += w[i] * (x[i * p + j] - xMean[j]) * (x[i * p + k] - xMean[k]);
          expect(Math.abs(gram[j * p + k] - g)).toBeLessThan(1e-11);
        }
      }
    }
  });
});

describe('norm2', () => {
  it('does not overflow on huge entries', () => {
    expect(norm2(new Float64Array([3e200, 4e200]))).toBeCloseTo(5e200, -190);
  });
});
