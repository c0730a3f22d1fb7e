/** A worker for worker.test.ts: answers each message with it and what it was started with. */
import { parentPort } from 'node:worker_threads';
import { workerHasTsx, workerInput } from '../worker.js';

const input = workerInput<{ greeting: string }>();
parentPort!.on('message', (m: unknown) => {
  parentPort!.postMessage({ echo: m, greeting: input.greeting, tsx: workerHasTsx() });
  parentPort!.close();
});
