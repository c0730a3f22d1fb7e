/**
 * Row-decomposable objectives evaluated block by block, so that other threads can share the work:
 *
 *   f(θ) = Σ_b f_b(θ),   ∇f(θ) = Σ_b ∇f_b(θ)
 *
 * where block b covers rows [b·ROW_BLOCK, min((b+1)·ROW_BLOCK, rows)). The blocks depend only on the
 * row count, never on how many threads there are, and the partial sums are always added in block
 * order from zero, so every RowParallel gives bit-identical results for the same input: fitting on
 * one thread or eight gives the same model.
 *
 * A model describes its objective as a RowKernel (named, importable by URL, since code cannot be
 * sent to a thread) plus RowData (typed arrays and scalars). A fit opens a RowSession, shares its
 * arrays and binds its objectives through it, and closes it at the end:
 *
 *   const session = (opts.parallel ?? serialRowParallel).open();
 *   try {
 *     const x = session.share(X.data); // once, though several objectives read it
 *     const bound = session.bind(kernel, { x, ... }, rows, dim);
 *     try { ... bound.evaluate(coef, grad) ... } finally { bound.release(); }
 *   } finally {
 *     session.close();
 *   }
 *
 * `serialRowParallel` evaluates on the calling thread; the Node worker pool in src/train/parallel
 * runs the same kernels on worker threads over shared memory.
 *
 * Browser-safe: no Node modules.
 */

/** Rows per block. Fixed: changing it changes results in the last bits. A multiple of 4. */
export const ROW_BLOCK = 4096;

/** Number of blocks covering `rows` rows. */
export function rowBlockCount(rows: number): number {
  return Math.ceil(rows / ROW_BLOCK);
}

/** Values a kernel reads: typed arrays (shared with threads without copying), numbers, flags. */
export type RowValue = Float64Array | Int32Array | number | boolean | null;
export type RowData = Readonly<Record<string, RowValue>>;

/**
 * Partial objective over rows [start, end): overwrites `grad` (length dim) with the partial
 * gradient and returns the partial value. Must not depend on anything but its arguments and the
 * data it was bound to.
 */
export type BlockEvaluator = (coef: Float64Array, start: number, end: number, grad: Float64Array) => number;

/** One objective family, e.g. the binary logistic loss. */
export interface RowKernel<D extends RowData = RowData> {
  /** The name this kernel is exported under from `moduleUrl`. */
  readonly name: string;
  /** URL of the module exporting it (that module's `import.meta.url`), for threads to import. */
  readonly moduleUrl: string;
  /**
   * Prepares evaluation on `data` (unpacking, scratch buffers); called once per thread per bound
   * objective. It should not read the arrays' contents: a late worker may bind after the objective
   * was released and its shared memory reused (its evaluator is then never called).
   */
  bind(data: D): BlockEvaluator;
}

/** An objective bound to its data for the length of one fit. */
export interface BoundRowObjective {
  /** Writes Σ_b ∇f_b(coef) into `grad` and returns Σ_b f_b(coef), summed in block order. */
  evaluate(coef: Float64Array, grad: Float64Array): number;
  /** Ends the binding (frees what it shares); call it once the fit is done, even on error. */
  release(): void;
}

/** Evaluates row-decomposable objectives on row blocks and reduces them. */
export interface RowParallel {
  /** Starts the work of one fit; close the session when the fit ends, even on error. */
  open(): RowSession;
}

/** One fit's use of a RowParallel: what it shares and binds lives until close(). */
export interface RowSession {
  /**
   * An array the evaluators can read without another copy: `a` itself when it already can be,
   * else a copy valid until close(). Lets a fit that binds several objectives over the same X copy
   * it once.
   */
  share<T extends Float64Array | Int32Array>(a: T): T;
  /**
   * Binds `kernel` to `data` over `rows` rows with a gradient of length `dim`. One bound objective
   * at a time: release it before binding the next.
   */
  bind<D extends RowData>(kernel: RowKernel<D>, data: D, rows: number, dim: number): BoundRowObjective;
  close(): void;
}

/** total[j] += src[offset + j] for j < total.length: the one reduction every RowParallel uses. */
export function addPartial(total: Float64Array, src: Float64Array, offset: number): void {
  for (let j = 0; j < total.length; j++) total[j] += src[offset + j];
}

/** Binds on the calling thread: every block in order. */
export function bindSerial<D extends RowData>(
  kernel: RowKernel<D>,
  data: D,
  rows: number,
  dim: number,
): BoundRowObjective {
  const evaluateBlock = kernel.bind(data);
  const part = new Float64Array(dim);
  const blocks = rowBlockCount(rows);
  return {
    evaluate(coef, grad) {
      grad.fill(0);
      let f = 0;
      for (let b = 0; b < blocks; b++) {
        const start = b * ROW_BLOCK;
        f += evaluateBlock(coef, start, Math.min(start + ROW_BLOCK, rows), part);
        addPartial(grad, part, 0);
      }
      return f;
    },
    release() {},
  };
}

/** Every block on the calling thread, in order: what fits use when given no RowParallel. */
export const serialRowParallel: RowParallel = {
  open: () => ({ share: (a) => a, bind: bindSerial, close() {} }),
};
