/**
 * Messages between a PredictionLogWriter (the caller's thread) and its log-worker.ts thread. One
 * write is in flight at a time, so batches commit in log order and the worker's inbox never grows.
 */

/** Handed to the worker at start. */
export interface LogWorkerSetup {
  /** The SQLite file (already migrated by the opener). */
  readonly file: string;
  readonly busyTimeoutMs?: number;
}

/** A ground-truth row as the worker writes it. */
export interface FeedbackRow {
  readonly prediction_id: string;
  /** JSON of the value. */
  readonly value: string;
  readonly time: number;
}

/**
 * To the worker. `lines` are encoded records (records.ts). Posted as an array, not joined: the
 * message is serialized outside the JS heap, whereas one joined string of a batch (a few hundred
 * KB) would be allocated straight into V8's old generation and bring on major collections.
 */
export type ToLogWorker =
  | {
      readonly type: 'write';
      readonly batch: number;
      readonly lines: readonly string[];
      readonly feedback: readonly FeedbackRow[];
    }
  | { readonly type: 'close' };

/** From the worker. */
export type FromLogWorker =
  | { readonly type: 'ready' }
  | {
      readonly type: 'written';
      readonly batch: number;
      /** Predictions inserted (a repeated id is skipped, not an error). */
      readonly inserted: number;
      /** Set when the batch's transaction failed and nothing of it was written. */
      readonly error?: string;
    }
  | { readonly type: 'closed' };
