/**
 * What RowWorkerPool (the calling thread) and row-worker.ts (each worker) share: the layout of the
 * control words both sides touch with Atomics, the message that binds an objective, and the
 * failure report. One bound objective runs like this:
 *
 *   caller: writes coef, DONE = 0, NEXT = 0, then GEN += 1 and wakes the workers
 *   anyone: b = NEXT++ (Atomics.add); while b < blocks: evaluates block b into its slot of
 *           `partials` (gradient, then value), DONE++, and the last one wakes the caller
 *   caller: waits until DONE = blocks, then adds the slots in block order
 *
 * A worker that is late claims from the next evaluation at worst; it reads coef afresh for each
 * block it claims (coef is written before NEXT is reset), so its block is still right.
 */
import type { RowData } from '../../models/row-parallel.js';

/** Int32 indices into a binding's control words. */
export const GEN = 0; // bumped by the caller for each command
export const CMD = 1; // EVALUATE or RELEASE
export const NEXT = 2; // next block to claim
export const DONE = 3; // blocks finished in this evaluation
export const CONTROL_WORDS = 4;

export const EVALUATE = 1;
export const RELEASE = 2;

/** Int32 indices into the pool's status words; the failure message follows as UTF-8 bytes. */
export const FAILED = 0;
export const MESSAGE_BYTES = 1;
export const STATUS_WORDS = 2;
export const MESSAGE_CAPACITY = 4096;

/** Posted to every worker to bind an objective; every typed array in it lies in shared memory. */
export interface BindMessage {
  readonly moduleUrl: string;
  readonly kernelName: string;
  readonly data: RowData;
  readonly rows: number;
  readonly dim: number;
  readonly control: Int32Array;
  readonly coef: Float64Array;
  /** blocks × (dim + 1): each block's gradient, then its value. */
  readonly partials: Float64Array;
}

/** Handed to each worker at start (as its workerInput). Laid out as util/worker.ts's FailureSlot. */
export interface WorkerSetup {
  readonly status: Int32Array;
  readonly message: Uint8Array;
}

/** Records the first failure of any thread and wakes whoever waits on `control`. */
export function reportFailure(
  status: Int32Array,
  message: Uint8Array,
  error: unknown,
  control?: Int32Array,
): void {
  if (Atomics.compareExchange(status, FAILED, 0, 1) === 0) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const { written } = new TextEncoder().encodeInto(text, message);
    Atomics.store(status, MESSAGE_BYTES, written);
  }
  if (control) Atomics.notify(control, DONE);
}

/** The recorded failure, or null. */
export function readFailure(status: Int32Array, message: Uint8Array): string | null {
  if (Atomics.load(status, FAILED) === 0) return null;
  const bytes = message.slice(0, Atomics.load(status, MESSAGE_BYTES));
  return new TextDecoder().decode(bytes);
}
