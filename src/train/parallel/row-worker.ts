/**
 * A RowWorkerPool worker: waits for bind messages; for each, imports the kernel by URL, binds it to
 * the shared data, then evaluates blocks whenever the caller starts an evaluation, until released
 * (see protocol.ts). Between bindings it idles in its event loop, so the pool lasts across fits.
 */
import { parentPort } from 'node:worker_threads';
import type { BlockEvaluator, RowKernel } from '../../models/row-parallel.js';
import { workerHasTsx, workerInput } from '../../util/worker.js';
import { type BindMessage, CMD, GEN, RELEASE, reportFailure, type WorkerSetup } from './protocol.js';
import { runBlocks } from './run-blocks.js';

const setup = workerInput<WorkerSetup>();

let tsxRegistered = workerHasTsx();

async function bindKernel(m: BindMessage): Promise<BlockEvaluator> {
  if (m.moduleUrl.endsWith('.ts') && !tsxRegistered) {
    // a kernel in TypeScript run by a compiled pool
    const { register } = await import('tsx/esm/api');
    register();
    tsxRegistered = true;
  }
  const module = (await import(m.moduleUrl)) as Record<string, RowKernel | undefined>;
  const kernel = module[m.kernelName];
  if (!kernel || typeof kernel.bind !== 'function')
    throw new Error(`${m.moduleUrl} exports no row kernel named '${m.kernelName}'`);
  return kernel.bind(m.data);
}

/** Serves one binding until the caller releases it. Blocks this thread's event loop meanwhile. */
function serve(m: BindMessage, evaluateBlock: BlockEvaluator): void {
  const control = m.control;
  const scratch = { coef: new Float64Array(m.dim), grad: new Float64Array(m.dim) };
  let seen = 0;
  for (;;) {
    Atomics.wait(control, GEN, seen);
    seen = Atomics.load(control, GEN);
    if (Atomics.load(control, CMD) === RELEASE) return;
    runBlocks(m, evaluateBlock, scratch);
  }
}

// Bindings are served one after another, in the order they were posted.
let queue = Promise.resolve();
parentPort!.on('message', (m: BindMessage) => {
  queue = queue.then(async () => {
    try {
      serve(m, await bindKernel(m));
    } catch (e) {
      reportFailure(setup.status, setup.message, e, m.control);
    }
  });
});
