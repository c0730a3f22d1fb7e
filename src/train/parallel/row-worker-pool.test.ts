import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { col, Frame } from '../../data/frame.js';
import {
  type BinaryLogisticData,
  binaryLogisticKernel,
  type MultinomialLogisticData,
  multinomialLogisticKernel,
} from '../../models/linear/logistic-kernels.js';
import { LogisticRegression } from '../../models/linear/logistic-regression.js';
import { classificationData } from '../../models/linear/test-data.js';
import {
  bindSerial,
  ROW_BLOCK,
  type RowData,
  type RowKernel,
  type RowParallel,
  serialRowParallel,
} from '../../models/row-parallel.js';
import { trainModel } from '../train-model.js';
import '../../catalog.js';
import { RowWorkerPool } from './row-worker-pool.js';

// 5 full blocks and a ragged one whose length is not a multiple of 4
const N = 5 * ROW_BLOCK + 37;
const P = 6;
const K = 3;

const binary = (() => {
  const { X, y } = classificationData(N, P, 2, 11);
  return { x: X.data, y };
})();
const multi = (() => {
  const { X, y } = classificationData(N, P, K, 12);
  return { x: X.data, y: Int32Array.from(y) };
})();
const weights = Float64Array.from({ length: N }, (_, i) => 0.25 + ((i * 7) % 5));

interface Case {
  readonly name: string;
  readonly kernel: RowKernel<RowData>;
  readonly data: RowData;
  readonly dim: number;
}

const cases: Case[] = [];
for (const w of [null, weights]) {
  const tag = w ? 'weighted' : 'unweighted';
  const bd: BinaryLogisticData = { x: binary.x, p: P, y: binary.y, w, fitIntercept: true };
  cases.push({
    name: `binary ${tag}`,
    kernel: binaryLogisticKernel as RowKernel<RowData>,
    data: bd,
    dim: P + 1,
  });
  const md: MultinomialLogisticData = { x: multi.x, p: P, k: K, y: multi.y, w, fitIntercept: true };
  const dim = K * P + K;
  cases.push({
    name: `multinomial ${tag}`,
    kernel: multinomialLogisticKernel as RowKernel<RowData>,
    data: md,
    dim,
  });
}
cases.push({
  name: 'binary without intercept',
  kernel: binaryLogisticKernel as RowKernel<RowData>,
  data: { x: binary.x, p: P, y: binary.y, w: weights, fitIntercept: false },
  dim: P,
});

/** Three evaluations at different points: value and gradient of each. */
function evaluations(parallel: RowParallel, c: Case): { f: number[]; grad: Float64Array[] } {
  const session = parallel.open();
  const bound = session.bind(c.kernel, c.data, N, c.dim);
  const out = { f: [] as number[], grad: [] as Float64Array[] };
  try {
    for (let t = 0; t < 3; t++) {
      const coef = Float64Array.from({ length: c.dim }, (_, j) => 0.2 * Math.cos(3 * t + j));
      const grad = new Float64Array(c.dim).fill(Number.NaN); // overwritten, not added to
      out.f.push(bound.evaluate(coef, grad));
      out.grad.push(grad);
    }
  } finally {
    bound.release();
    session.close();
  }
  return out;
}

const pools: RowWorkerPool[] = [];
function pool(workers: number, callerJoins: boolean): RowWorkerPool {
  const p = new RowWorkerPool({ workers, callerJoins });
  pools.push(p);
  return p;
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('RowWorkerPool', () => {
  // callerJoins false: the workers evaluate every block, so these compare their arithmetic
  const setups = [
    { workers: 1, callerJoins: false },
    { workers: 2, callerJoins: false },
    { workers: 3, callerJoins: false },
    { workers: 2, callerJoins: true },
  ];
  for (const s of setups) {
    it(`equals the blocked evaluation on this thread bit for bit: ${s.workers} workers${s.callerJoins ? ' + caller' : ''}`, () => {
      const p = pool(s.workers, s.callerJoins);
      for (const c of cases) {
        const expected = evaluations(serialRowParallel, c);
        const got = evaluations(p, c);
        expect(got.f, c.name).toEqual(expected.f);
        for (let t = 0; t < 3; t++)
          expect(Array.from(got.grad[t]), c.name).toEqual(Array.from(expected.grad[t]));
      }
    });
  }

  it('fits the same LogisticRegression bit for bit as no pool (binary, multinomial, ovr, weights)', () => {
    const p = pool(2, false);
    const fits = [
      { params: {}, data: classificationData(N, P, 2, 3), weighted: false },
      { params: {}, data: classificationData(N, P, K, 4), weighted: true },
      {
        params: { multiClass: 'ovr' as const, C: 0.1 },
        data: classificationData(N, P, K, 5),
        weighted: true,
      },
    ];
    for (const { params, data, weighted } of fits) {
      const opts = weighted ? { sampleWeight: weights } : {};
      const plain = new LogisticRegression(params).fit(data.X, data.y, opts).state;
      const pooled = new LogisticRegression(params).fit(data.X, data.y, { ...opts, parallel: p }).state;
      expect(pooled.coef).toEqual(plain.coef);
      expect(pooled.intercept).toEqual(plain.intercept);
      expect(pooled.nIter).toEqual(plain.nIter);
      expect(pooled.nIter.every((it) => it > 3)).toBe(true);
    }
  });

  it('reaches the model through trainModel and its Pipeline', () => {
    const { X, y } = classificationData(ROW_BLOCK + 500, 3, 2, 8);
    const columns: Record<string, ReturnType<typeof col.number> | ReturnType<typeof col.category>> = {};
    for (let j = 0; j < 3; j++)
      columns[`f${j}`] = col.number(Array.from({ length: X.rows }, (_, i) => X.data[3 * i + j]));
    columns.label = col.category(Array.from(y, (v) => (v === 1 ? 'yes' : 'no')));
    const frame = new Frame(columns);
    const binds: number[] = [];
    const counting: RowParallel = {
      open: () => ({
        share: (a) => a,
        bind: (kernel, data, rows, dim) => {
          binds.push(rows);
          return bindSerial(kernel, data, rows, dim);
        },
        close() {},
      }),
    };
    const a = trainModel(frame, { target: 'label', model: 'logistic', parallel: counting });
    expect(binds).toEqual([a.model.info.rows.train]);
    const b = trainModel(frame, { target: 'label', model: 'logistic', parallel: pool(1, true) });
    expect(b.metrics).toEqual(a.metrics);
  });

  it('copies arrays into shared memory once per session, and uses shared ones in place', () => {
    const p = pool(1, true);
    const session = p.open();
    const plain = new Float64Array([1, 2, 3]);
    const copy = session.share(plain);
    expect(copy).not.toBe(plain);
    expect(copy.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(copy)).toEqual([1, 2, 3]);
    expect(session.share(copy)).toBe(copy);
    session.close();
    expect(() => session.share(plain)).toThrow(/closed/);
  });

  it('reuses its shared memory from fit to fit instead of leaving a copy of X behind each time', () => {
    const p = pool(1, false);
    const { X, y } = classificationData(N, P, K, 6);
    new LogisticRegression({ maxIter: 2, multiClass: 'ovr' }).fit(X, y, { parallel: p });
    const kept = p.keptBytes;
    // X, and one y per class reusing one buffer
    expect(kept).toBe(X.data.byteLength + N * 8);
    for (let r = 0; r < 3; r++) new LogisticRegression({ maxIter: 2 }).fit(X, y, { parallel: p });
    expect(p.keptBytes).toBe(kept);
  });

  it('binds one objective at a time and refuses work once closed', async () => {
    const p = new RowWorkerPool({ workers: 1 });
    const c = cases[0];
    const session = p.open();
    const bound = session.bind(c.kernel, c.data, N, c.dim);
    expect(() => session.bind(c.kernel, c.data, N, c.dim)).toThrow(/release/);
    expect(() => bound.evaluate(new Float64Array(c.dim + 1), new Float64Array(c.dim + 1))).toThrow(
      RangeError,
    );
    bound.release();
    bound.release(); // twice is harmless
    expect(() => bound.evaluate(new Float64Array(c.dim), new Float64Array(c.dim))).toThrow(/released/);
    session.close();
    await p.close();
    await p.close();
    expect(() => p.open()).toThrow(/closed/);
  });

  it('reports a worker that cannot load its kernel instead of waiting for it', () => {
    const p = pool(1, false);
    const missing = { ...binaryLogisticKernel, name: 'noSuchKernel' } as RowKernel<RowData>;
    const session = p.open();
    const bound = session.bind(missing, cases[0].data, N, P + 1);
    expect(() => bound.evaluate(new Float64Array(P + 1), new Float64Array(P + 1))).toThrow(
      /exports no row kernel named 'noSuchKernel'/,
    );
    session.close();
    expect(p.failure).toMatch(/noSuchKernel/);
    expect(() => p.open()).toThrow(/failed/);
  });

  it('lets a process that registers tsx in code (as bin/cairn.js does) exit without close()', () => {
    const url = (path: string) => new URL(path, import.meta.url).href;
    const script = `
      const { register } = await import('tsx/esm/api');
      register();
      const { RowWorkerPool } = await import(${JSON.stringify(url('./row-worker-pool.ts'))});
      const { binaryLogisticKernel } = await import(${JSON.stringify(url('../../models/linear/logistic-kernels.ts'))});
      const n = 10000;
      const x = Float64Array.from({ length: 2 * n }, (_, i) => Math.sin(i));
      const y = Float64Array.from({ length: n }, (_, i) => i % 2);
      const pool = new RowWorkerPool({ workers: 2, callerJoins: false });
      const bound = pool.open().bind(binaryLogisticKernel, { x, p: 2, y, w: null, fitIntercept: true }, n, 3);
      const f = bound.evaluate(new Float64Array(3), new Float64Array(3));
      bound.release();
      // at coef = 0 every row's loss is log 2
      console.log(Math.abs(f - n * Math.log(2)) < 1e-9 ? 'ok' : 'wrong ' + f);
    `;
    const repo = fileURLToPath(new URL('../../../', import.meta.url));
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(child.stderr).toBe('');
    expect(child.signal).toBeNull(); // not killed by the timeout: the workers did not hold it open
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('ok');
  });
});
