/**
 * Logs predictions without making the caller wait: `log()` encodes the record and pushes it into a
 * bounded buffer; batches go to a writer thread (log-worker.ts) every `flushMs`, or as soon as
 * `maxBatch` records are waiting, and are committed there one transaction each. So the request
 * path never waits on SQLite, and the event loop only ever pays for posting a batch of strings.
 *
 *   writer.log({ id, time, model, version, source: 'http', inputs, outputs, latencyMs });
 *   await writer.flush(); // everything logged so far is committed
 *
 * `log()` never throws: a record the log cannot store is counted in `stats().rejected`, records
 * dropped to keep the buffer bounded (oldest first) in `dropped`, and a write that failed is kept
 * and tried again after `flushMs` (counted in `failures`, reported to `onError`). The worker holds
 * the process open only while something waits to be written, so a process that forgets close()
 * still exits once its records are committed.
 */
import type { Worker } from 'node:worker_threads';
import { LineQueue } from './line-queue.js';
import type { FeedbackRow, FromLogWorker, ToLogWorker } from './protocol.js';
import { encodeRecord, type PredictionRecord } from './records.js';

export interface WriterOptions {
  /** Longest a logged record waits before its batch is written, in ms. Default 200. */
  readonly flushMs?: number;
  /** Records per batch; a full batch is written at once. Default 1000. */
  readonly maxBatch?: number;
  /** Records buffered at most; past it the oldest are dropped and counted. Default 100,000. */
  readonly maxBuffer?: number;
  /** Told of each failed write and of a worker that died. Never called on the request path. */
  readonly onError?: (error: Error) => void;
}

export const WRITER_DEFAULTS = { flushMs: 200, maxBatch: 1000, maxBuffer: 100_000 } as const;

export interface WriterStats {
  /** Records accepted by log(). */
  readonly logged: number;
  /** Records committed to the store. */
  readonly written: number;
  /** Records whose id was already in the store (not written again). */
  readonly duplicates: number;
  /** Records lost to overload (buffer full), to a closed writer, or to a dead worker. */
  readonly dropped: number;
  /** Records refused by log() as malformed. */
  readonly rejected: number;
  /** Records buffered or being written. */
  readonly pending: number;
  readonly batches: number;
  /** Writes that failed (their records were kept and tried again). */
  readonly failures: number;
  readonly lastError: string | null;
  readonly lastRejection: string | null;
}

interface InFlight {
  readonly batch: number;
  readonly start: number;
  readonly lines: string[];
  readonly feedback: PendingFeedback[];
}

interface PendingFeedback {
  readonly row: FeedbackRow;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

interface Waiter {
  /** Resolved once every record with an ordinal below this is committed (or dropped). */
  readonly through: number;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

export class PredictionLogWriter {
  readonly #worker: Worker;
  readonly #flushMs: number;
  readonly #maxBatch: number;
  readonly #onError: ((e: Error) => void) | undefined;
  readonly #queue: LineQueue;
  #feedback: PendingFeedback[] = [];
  #inFlight: InFlight | null = null;
  #waiters: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The timer fired: a partial batch may go. */
  #due = false;
  /** After a failed write, no batch goes before this time (epoch ms). */
  #holdUntil = 0;
  #pumpScheduled = false;
  #busy = false;
  #nextBatch = 1;
  #closing: Promise<void> | null = null;
  #failure: Error | null = null;
  #exited = false;
  #stats = {
    logged: 0,
    written: 0,
    duplicates: 0,
    dropped: 0,
    rejected: 0,
    batches: 0,
    failures: 0,
    lastError: null as string | null,
    lastRejection: null as string | null,
  };

  /** Takes over a started log-worker (see open.ts). */
  constructor(worker: Worker, opts: WriterOptions = {}) {
    const flushMs = opts.flushMs ?? WRITER_DEFAULTS.flushMs;
    const maxBatch = opts.maxBatch ?? WRITER_DEFAULTS.maxBatch;
    const maxBuffer = opts.maxBuffer ?? WRITER_DEFAULTS.maxBuffer;
    if (!(Number.isFinite(flushMs) && flushMs >= 0))
      throw new RangeError(`flushMs must be >= 0, got ${flushMs}`);
    if (!(Number.isInteger(maxBatch) && maxBatch >= 1))
      throw new RangeError(`maxBatch must be a whole number >= 1, got ${maxBatch}`);
    this.#worker = worker;
    this.#flushMs = flushMs;
    this.#maxBatch = maxBatch;
    this.#queue = new LineQueue(maxBuffer);
    this.#onError = opts.onError;
    worker.on('message', (m: FromLogWorker) => this.#onMessage(m));
    worker.on('error', (e) => this.#fail(e));
    worker.on('exit', (code) => {
      this.#exited = true;
      if (!this.#closing) this.#fail(new Error(`the prediction log's writer thread exited (code ${code})`));
    });
    worker.unref();
  }

  /** Queues a record for writing. Never throws and never waits. */
  log(record: PredictionRecord): void {
    if (this.#closing || this.#failure) {
      this.#stats.dropped++;
      return;
    }
    let line: string;
    try {
      line = encodeRecord(record);
    } catch (e) {
      this.#stats.rejected++;
      this.#stats.lastRejection = e instanceof Error ? e.message : String(e);
      return;
    }
    this.#stats.logged++;
    this.#stats.dropped += this.#queue.push(line);
    this.#markBusy();
    if (this.#queue.size >= this.#maxBatch) this.#schedulePump();
    if (!this.#timer) this.#startTimer();
  }

  /** Resolves once every record logged so far is committed (or was dropped); rejects if a write fails. */
  flush(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    const through = this.#queue.tail;
    if (this.#settled() >= through) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#waiters.push({ through, resolve, reject });
      this.#pump();
    });
  }

  /** Records dropped so far (overload, closed writer, dead worker). */
  get dropped(): number {
    return this.#stats.dropped;
  }

  stats(): WriterStats {
    const inFlight = this.#inFlight?.lines.length ?? 0;
    return { ...this.#stats, pending: this.#queue.size + inFlight };
  }

  /**
   * Writes ground truth, after every record logged before it; resolves once committed. For
   * PredictionLog.addFeedback, which checks the prediction exists first.
   */
  writeFeedback(row: FeedbackRow): Promise<void> {
    if (this.#closing) return Promise.reject(new Error('the prediction log is closed'));
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#feedback.push({ row, resolve, reject });
      this.#markBusy();
      this.#pump();
    });
  }

  /** Flushes, then stops the writer thread. Records logged afterwards are dropped. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    let error: unknown = null;
    // flush() still works while closing: only log() refuses records
    await this.flush().catch((e: unknown) => {
      error = e;
    });
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#stats.dropped += this.#queue.clear();
    if (!this.#exited) {
      this.#worker.ref();
      const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
      if (this.#failure) await this.#worker.terminate();
      else this.#post({ type: 'close' });
      await exited;
    }
    if (error) throw error;
  }

  // ---- batching

  /** Ordinal of the oldest record neither committed nor dropped. */
  #settled(): number {
    return this.#inFlight ? this.#inFlight.start : this.#queue.head;
  }

  #startTimer(): void {
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#due = true;
      this.#pump();
    }, this.#flushMs);
  }

  #schedulePump(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    // not inside log(): the caller's request finishes first
    setImmediate(() => {
      this.#pumpScheduled = false;
      this.#pump();
    });
  }

  /** Posts the next batch when the worker is free and one is due. */
  #pump(): void {
    if (this.#inFlight || this.#failure || this.#exited) return;
    if (this.#holdUntil > 0) {
      if (Date.now() < this.#holdUntil) return; // the retry timer pumps again
      this.#holdUntil = 0;
    }
    const size = this.#queue.size;
    const urgent = this.#waiters.length > 0 || this.#feedback.length > 0;
    if (!(size >= this.#maxBatch || (size > 0 && (this.#due || urgent)) || this.#feedback.length > 0)) {
      this.#idleCheck();
      return;
    }
    const { start, lines } = this.#queue.take(this.#maxBatch);
    if (this.#queue.size === 0) this.#due = false;
    else if (!this.#timer && !this.#due) this.#startTimer();
    const feedback = this.#feedback;
    this.#feedback = [];
    const batch = this.#nextBatch++;
    this.#inFlight = { batch, start, lines, feedback };
    this.#post({ type: 'write', batch, lines, feedback: feedback.map((f) => f.row) });
  }

  #onMessage(m: FromLogWorker): void {
    if (m.type !== 'written') return;
    const done = this.#inFlight;
    if (!done || done.batch !== m.batch) return;
    this.#inFlight = null;
    if (m.error === undefined) {
      this.#stats.batches++;
      this.#stats.written += m.inserted;
      this.#stats.duplicates += done.lines.length - m.inserted;
      for (const f of done.feedback) f.resolve();
    } else {
      const error = new Error(`prediction log: a batch of ${done.lines.length} records failed: ${m.error}`);
      this.#stats.failures++;
      this.#stats.lastError = error.message;
      this.#stats.dropped += this.#queue.putBack(done.start, done.lines);
      for (const f of done.feedback) f.reject(error);
      // whoever waits for these records hears of the failure; the records are tried again later
      this.#rejectWaiters((w) => w.through > done.start, error);
      this.#report(error);
      // try again after flushMs, not at once: a broken store is not hammered
      this.#holdUntil = Date.now() + this.#flushMs;
      if (this.#timer) clearTimeout(this.#timer);
      this.#startTimer();
    }
    this.#resolveWaiters();
    if (m.error === undefined) this.#pump();
    else this.#idleCheck();
  }

  #resolveWaiters(): void {
    const settled = this.#settled();
    const still: Waiter[] = [];
    for (const w of this.#waiters) {
      if (w.through <= settled) w.resolve();
      else still.push(w);
    }
    this.#waiters = still;
  }

  #rejectWaiters(which: (w: Waiter) => boolean, error: Error): void {
    const still: Waiter[] = [];
    for (const w of this.#waiters) {
      if (which(w)) w.reject(error);
      else still.push(w);
    }
    this.#waiters = still;
  }

  /** A dead worker: nothing more can be written; everything pending is dropped and reported. */
  #fail(e: unknown): void {
    if (this.#failure) return;
    const error = e instanceof Error ? e : new Error(String(e));
    this.#failure = error;
    this.#stats.lastError = error.message;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#stats.dropped += this.#queue.clear() + (this.#inFlight?.lines.length ?? 0);
    for (const f of [...(this.#inFlight?.feedback ?? []), ...this.#feedback]) f.reject(error);
    this.#inFlight = null;
    this.#feedback = [];
    this.#rejectWaiters(() => true, error);
    this.#report(error);
    this.#busy = false;
  }

  #report(error: Error): void {
    try {
      this.#onError?.(error);
    } catch {
      // a failing error handler must not break the writer
    }
  }

  #post(m: ToLogWorker): void {
    this.#worker.postMessage(m);
  }

  /** Holds the process open while something waits to be written, and only then. */
  #markBusy(): void {
    if (this.#busy) return;
    this.#busy = true;
    this.#worker.ref();
  }

  #idleCheck(): void {
    if (!this.#busy || this.#inFlight || this.#queue.size > 0 || this.#feedback.length > 0) return;
    this.#busy = false;
    if (!this.#closing) this.#worker.unref();
  }
}
