/**
 * Progress and results flow through one callback, never through logs: the tracker, the progress bar
 * and tests all subscribe to the same events.
 */
export type TrainEvent =
  /** A phase of work starts; `total` is known when the phase counts steps. */
  | { type: 'start'; phase: string; total?: number }
  /** One step (an iteration, an epoch, a chunk) ended; metrics are step-wise values to record. */
  | { type: 'step'; phase: string; step: number; total?: number; metrics?: Record<string, number> }
  /** A phase ended. */
  | { type: 'end'; phase: string; metrics?: Record<string, number> }
  /** Something the user should hear about that is not an error. */
  | { type: 'warning'; message: string };

export type OnEvent = (event: TrainEvent) => void;

export const noEvent: OnEvent = () => {};
