/**
 * Starts a worker thread from a module URL, whether Cairn runs from its TypeScript sources (vitest,
 * tsx, bin/cairn.js in a checkout) or from the compiled dist/:
 *
 *   const worker = startWorker(moduleBeside(import.meta.url, 'log-worker'), { data: { file } });
 *   // in log-worker.ts:  const { file } = workerInput<{ file: string }>();
 *
 * Workers do not inherit a loader that was registered in code (tsx's `register()`), and a worker
 * of a tsx parent must not get its loader flags either, so a worker started from a `.ts` module
 * registers tsx itself before it imports the entry. Node-only.
 */
import { workerData as bootData, Worker } from 'node:worker_threads';

/**
 * Where a start failure is also recorded, for callers that may be blocked in Atomics.wait and so
 * cannot see the worker's 'error' event: `status[0]` becomes 1 (first failure wins) and
 * `status[1]` the byte length of the UTF-8 message written into `message`.
 */
export interface FailureSlot {
  readonly status: Int32Array;
  readonly message: Uint8Array;
}

export interface StartWorkerOptions {
  /** Handed to the worker; read it there with workerInput(). Must be structured-cloneable. */
  readonly data?: unknown;
  readonly failure?: FailureSlot;
  /** Objects moved (not copied) to the worker, as in postMessage. */
  readonly transferList?: readonly Transferable[];
}

/** What the bootstrap script reads; `data` is the caller's. */
interface BootstrapData {
  readonly entry: string;
  readonly tsx: boolean;
  readonly failure?: FailureSlot;
  readonly data: unknown;
}

// Runs as a CommonJS script in the worker: tsx first when the entry is TypeScript, then the entry.
// A failure to start is recorded in the failure slot when there is one, then rethrown so that it
// also reaches the parent as the worker's 'error' event.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) {
    // the ESM build of tsx/esm/api, found through the package's exports from the entry's folder
    const { createRequire } = require('node:module');
    const { fileURLToPath, pathToFileURL } = require('node:url');
    const pkg = createRequire(fileURLToPath(workerData.entry)).resolve('tsx/package.json');
    const api = require(pkg).exports['./esm/api'].import;
    const { register } = await import(new URL(api.default ?? api, pathToFileURL(pkg)).href);
    register();
  }
  await import(workerData.entry);
})().catch((e) => {
  const slot = workerData.failure;
  if (slot && Atomics.compareExchange(slot.status, 0, 0, 1) === 0) {
    const r = new TextEncoder().encodeInto(String((e && e.stack) || e), slot.message);
    Atomics.store(slot.status, 1, r.written);
  }
  throw e;
});
`;

/** The URL of a module in the same folder as `here` (an import.meta.url): .ts beside .ts, else .js. */
export function moduleBeside(here: string, name: string): string {
  return new URL(`./${name}${here.endsWith('.ts') ? '.ts' : '.js'}`, here).href;
}

/** Starts a worker that imports `entry` (a file URL of a .ts or .js module). */
export function startWorker(entry: string, opts: StartWorkerOptions = {}): Worker {
  const tsx = entry.endsWith('.ts');
  const workerData: BootstrapData = { entry, tsx, failure: opts.failure, data: opts.data };
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData,
    ...(opts.transferList ? { transferList: [...opts.transferList] as never } : {}),
    // a worker of a tsx parent gets no loader flags: it registers tsx itself, once
    ...(tsx ? { execArgv: [] } : {}),
  });
}

/** In a worker started by startWorker: the `data` it was given. */
export function workerInput<T>(): T {
  return (bootData as BootstrapData).data as T;
}

/** In a worker started by startWorker: whether tsx was registered (the entry is TypeScript). */
export function workerHasTsx(): boolean {
  return (bootData as BootstrapData).tsx;
}
