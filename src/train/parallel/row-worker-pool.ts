/**
 * A RowParallel on Node worker threads: the data of a fit is copied once into shared memory, the
 * workers persist across evaluations and fits, and each evaluation hands out the fixed row blocks
 * of ../../models/row-parallel.ts to whichever thread is free, then adds their partial sums in block
 * order on the calling thread. So the result is the same bit for bit for any number of workers,
 * and the same as fitting with no pool at all.
 *
 *   const pool = new RowWorkerPool(); // cores - 1 workers, and the calling thread works too
 *   try {
 *     model.fit(X, y, { parallel: pool });
 *   } finally {
 *     await pool.close();
 *   }
 *
 * `fit` stays synchronous: the calling thread starts an evaluation through shared control words
 * and waits with Atomics.wait (see protocol.ts). Workers are unref'd, so a pool left open does not
 * keep a finished process alive; close() ends them at once and lets go of the shared memory the
 * pool keeps for reuse (about one copy of the largest X it was given, see shared-buffers.ts).
 * Arrays already in a SharedArrayBuffer are used in place, without a copy.
 *
 * Workers run from TypeScript sources too (tsx, vitest, bin/cairn.js): a worker started from a .ts
 * module registers tsx before it imports its entry, since workers do not inherit a loader that
 * was registered in code.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import {
  addPartial,
  type BoundRowObjective,
  type RowData,
  type RowKernel,
  type RowParallel,
  type RowSession,
  rowBlockCount,
} from '../../models/row-parallel.js';
import { moduleBeside, startWorker } from '../../util/worker.js';
import {
  type BindMessage,
  CMD,
  CONTROL_WORDS,
  DONE,
  EVALUATE,
  GEN,
  MESSAGE_CAPACITY,
  NEXT,
  RELEASE,
  readFailure,
  reportFailure,
  STATUS_WORDS,
  type WorkerSetup,
} from './protocol.js';
import { runBlocks } from './run-blocks.js';
import { SharedBuffers } from './shared-buffers.js';

export interface RowWorkerPoolOptions {
  /** Worker threads to start. Default: one less than the available cores (the caller is one). */
  workers?: number;
  /**
   * Whether the calling thread evaluates blocks too while it waits, rather than sleep. Default
   * true (so the default pool keeps every core busy, as BLAS counts its calling thread).
   */
  callerJoins?: boolean;
}

/** How long the caller sleeps between checks for a failed worker while it waits. */
const FAILURE_POLL_MS = 50;

export class RowWorkerPool implements RowParallel {
  readonly workers: number;
  readonly callerJoins: boolean;
  readonly #threads: Worker[] = [];
  readonly #status = new Int32Array(new SharedArrayBuffer(STATUS_WORDS * 4));
  readonly #message = new Uint8Array(new SharedArrayBuffer(MESSAGE_CAPACITY));
  readonly #buffers = new SharedBuffers();
  #bound: BoundRowObjective | null = null;
  #closed = false;

  constructor(opts: RowWorkerPoolOptions = {}) {
    const workers = opts.workers ?? Math.max(0, availableParallelism() - 1);
    if (!(Number.isInteger(workers) && workers >= 0))
      throw new RangeError(`RowWorkerPool: workers must be an integer >= 0, got ${workers}`);
    this.workers = workers;
    this.callerJoins = opts.callerJoins ?? true;
    if (workers === 0 && !this.callerJoins)
      throw new RangeError('RowWorkerPool: with no workers, callerJoins must be true');
    const setup: WorkerSetup = { status: this.#status, message: this.#message };
    const entry = moduleBeside(import.meta.url, 'row-worker');
    for (let i = 0; i < workers; i++) {
      // a start failure is also recorded in the status words: the caller may be blocked waiting
      const worker = startWorker(entry, { data: setup, failure: setup });
      worker.on('error', (e) => reportFailure(this.#status, this.#message, e));
      worker.on('exit', (code) => {
        if (!this.#closed) reportFailure(this.#status, this.#message, `row worker exited with code ${code}`);
      });
      worker.unref();
      this.#threads.push(worker);
    }
  }

  /** The first failure of any worker, or null. A pool that failed refuses further work. */
  get failure(): string | null {
    return readFailure(this.#status, this.#message);
  }

  /** Bytes of shared memory kept for the next fits. */
  get keptBytes(): number {
    return this.#buffers.freeBytes;
  }

  open(): RowSession {
    this.#usable();
    const leases: SharedArrayBuffer[] = [];
    let bound: BoundRowObjective | null = null;
    let closed = false;
    const check = () => {
      if (closed) throw new Error('RowWorkerPool: this session is closed');
    };
    return {
      share: (a) => {
        check();
        this.#usable();
        return this.#buffers.copy(a, leases);
      },
      bind: (kernel, data, rows, dim) => {
        check();
        bound = this.#bind(kernel, data, rows, dim);
        return bound;
      },
      close: () => {
        if (closed) return;
        closed = true;
        bound?.release();
        this.#buffers.giveBack(leases);
      },
    };
  }

  #bind<D extends RowData>(kernel: RowKernel<D>, data: D, rows: number, dim: number): BoundRowObjective {
    this.#usable();
    if (this.#bound) throw new Error('RowWorkerPool: release the bound objective before binding another');
    const leases: SharedArrayBuffer[] = [];
    const shared = Object.fromEntries(
      Object.entries(data).map(([key, v]) => [
        key,
        ArrayBuffer.isView(v) ? this.#buffers.copy(v, leases) : v,
      ]),
    ) as D;
    const blocks = rowBlockCount(rows);
    const m: BindMessage = {
      moduleUrl: kernel.moduleUrl,
      kernelName: kernel.name,
      data: shared,
      rows,
      dim,
      control: new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4)),
      coef: new Float64Array(new SharedArrayBuffer(dim * 8)),
      partials: new Float64Array(new SharedArrayBuffer(Math.max(1, blocks * (dim + 1)) * 8)),
    };
    const { control, partials } = m;
    Atomics.store(control, CMD, EVALUATE);
    for (const worker of this.#threads) worker.postMessage(m);
    const local = this.callerJoins ? kernel.bind(shared) : null;
    const scratch = { coef: new Float64Array(dim), grad: new Float64Array(dim) };
    let released = false;
    const bound: BoundRowObjective = {
      evaluate: (coef, grad) => {
        if (released) throw new Error('RowWorkerPool: this objective was released');
        if (coef.length !== dim || grad.length !== dim)
          throw new RangeError(`RowWorkerPool: coef and grad need ${dim} values`);
        this.#usable();
        m.coef.set(coef);
        // coef before NEXT: a claim of this evaluation's blocks must see this coef
        Atomics.store(control, DONE, 0);
        Atomics.store(control, NEXT, 0);
        Atomics.add(control, GEN, 1);
        Atomics.notify(control, GEN);
        if (local) runBlocks(m, local, scratch);
        for (;;) {
          const done = Atomics.load(control, DONE);
          if (done >= blocks) break;
          this.#usable();
          Atomics.wait(control, DONE, done, FAILURE_POLL_MS);
        }
        grad.fill(0);
        let f = 0;
        for (let b = 0; b < blocks; b++) {
          const slot = b * (dim + 1);
          f += partials[slot + dim];
          addPartial(grad, partials, slot);
        }
        return f;
      },
      release: () => {
        if (released) return;
        released = true;
        this.#bound = null;
        Atomics.store(control, CMD, RELEASE);
        Atomics.add(control, GEN, 1);
        Atomics.notify(control, GEN);
        // the workers are done with this binding's copies (none is evaluating: see evaluate)
        this.#buffers.giveBack(leases);
      },
    };
    this.#bound = bound;
    return bound;
  }

  /** Ends the workers. The pool cannot be used afterwards; calling close again does nothing. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#bound?.release();
    this.#closed = true;
    this.#buffers.clear();
    await Promise.all(this.#threads.map((w) => w.terminate()));
  }

  #usable(): void {
    if (this.#closed) throw new Error('RowWorkerPool: the pool is closed');
    const failure = this.failure;
    if (failure !== null) throw new Error(`RowWorkerPool: a worker failed: ${failure}`);
  }
}
