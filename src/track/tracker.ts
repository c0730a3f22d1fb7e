/**
 * Turns the `onEvent` stream that training already emits into store writes, so that training code
 * never knows a tracker exists:
 *
 *   const { run, result } = await trackRun(store, { experiment: 'churn', params: model.params },
 *     (t) => model.fit(X, y, { onEvent: t.onEvent }));
 *
 * Step metrics are buffered and written with one `logBatch` per `flushEvery` points (or when
 * `flushIntervalMs` has passed as points arrive, or a phase ends, or the run ends), in order, one
 * write at a time. A failing write does not interrupt training: the error is kept and thrown by
 * `end()`, which then marks the run failed; the batches after it are still written.
 *
 * Synchronous training loops hold the event loop, so their points are written when control returns
 * to it (at the latest in `end()`); nothing is lost either way.
 */
import type { OnEvent, TrainEvent } from '../util/events.js';
import type { Run, RunStatus } from './entities.js';
import { gitCommit } from './git.js';
import type { CreateRunInput, LogBatch, MetricInput, Store } from './store.js';

export interface TrackerOptions {
  /** Buffered points that trigger a write (default 100). */
  readonly flushEvery?: number;
  /** Also write once this many ms passed since the last write, checked as points arrive (default 5000). */
  readonly flushIntervalMs?: number;
  /** The metric key for a value reported in a phase (default: the value's own name). */
  readonly metricKey?: (phase: string, name: string) => string;
  /** Every event is passed on here as well (a progress bar, a test). */
  readonly forward?: OnEvent;
  /** Clock for timestamps and the flush interval (default Date.now). */
  readonly now?: () => number;
}

export const TRACKER_DEFAULTS = { flushEvery: 100, flushIntervalMs: 5000 } as const;

export class Tracker {
  /** The run as created; `end()` returns its final state. */
  readonly run: Run;
  /** Hand this to training as its `onEvent`. */
  readonly onEvent: OnEvent;
  readonly #store: Store;
  readonly #flushEvery: number;
  readonly #flushIntervalMs: number;
  readonly #metricKey: (phase: string, name: string) => string;
  readonly #forward: OnEvent | undefined;
  readonly #now: () => number;
  #buffer: MetricInput[] = [];
  #lastFlush: number;
  #writes: Promise<void> = Promise.resolve();
  #error: unknown = undefined;
  #ended = false;
  readonly #lastStep = new Map<string, number>();

  private constructor(store: Store, run: Run, opts: TrackerOptions) {
    this.#store = store;
    this.run = run;
    this.#flushEvery = opts.flushEvery ?? TRACKER_DEFAULTS.flushEvery;
    this.#flushIntervalMs = opts.flushIntervalMs ?? TRACKER_DEFAULTS.flushIntervalMs;
    if (!Number.isSafeInteger(this.#flushEvery) || this.#flushEvery < 1)
      throw new RangeError(`flushEvery must be a positive integer, got ${this.#flushEvery}`);
    this.#metricKey = opts.metricKey ?? ((_phase, name) => name);
    this.#forward = opts.forward;
    this.#now = opts.now ?? Date.now;
    this.#lastFlush = this.#now();
    this.onEvent = (event) => this.#handle(event);
  }

  /** Creates the run (filling `gitCommit` from the working directory unless given) and tracks it. */
  static async start(store: Store, input: CreateRunInput, opts: TrackerOptions = {}): Promise<Tracker> {
    const run = await store.createRun({
      ...input,
      gitCommit: input.gitCommit === undefined ? gitCommit() : input.gitCommit,
    });
    return new Tracker(store, run, opts);
  }

  /** Tracks a run that already exists (a resumed run, or one created elsewhere). */
  static attach(store: Store, run: Run, opts: TrackerOptions = {}): Tracker {
    return new Tracker(store, run, opts);
  }

  /** Buffers metric values at a step, as a 'step' event would. */
  logMetrics(metrics: Readonly<Record<string, number>>, step = 0): void {
    this.#assertOpen();
    const timestamp = this.#now();
    for (const [key, value] of Object.entries(metrics)) this.#buffer.push({ key, value, step, timestamp });
    this.#maybeFlush();
  }

  /** Writes params, tags, artifacts or metrics now, after the buffered points (order is kept). */
  async log(batch: LogBatch): Promise<void> {
    this.#assertOpen();
    this.#flushBuffer();
    const write = this.#writes.then(() => this.#store.logBatch(this.run.id, batch));
    // a direct write reports its own error to its caller, and does not poison later writes
    this.#writes = write.catch(() => {});
    await write;
  }

  /** Writes the buffered points and waits for every write so far; throws the first failed write's error. */
  async flush(): Promise<void> {
    this.#flushBuffer();
    await this.#writes;
    if (this.#error !== undefined) throw this.#error;
  }

  /** Points buffered and not yet handed to the store. */
  get buffered(): number {
    return this.#buffer.length;
  }

  /**
   * Writes what is left and ends the run with `status`; if a buffered write had failed, the run is
   * ended `failed` and that error is thrown. Returns the run's final state.
   */
  async end(status: Exclude<RunStatus, 'running'> = 'finished'): Promise<Run> {
    this.#assertOpen();
    this.#flushBuffer();
    this.#ended = true;
    await this.#writes;
    if (this.#error !== undefined) {
      await this.#store.endRun(this.run.id, 'failed').catch(() => {});
      throw this.#error;
    }
    return this.#store.endRun(this.run.id, status);
  }

  #handle(event: TrainEvent): void {
    this.#forward?.(event);
    if (this.#ended) return; // late events (a timer in the trainer) are not an error of the trainer's
    if (event.type === 'step') {
      this.#lastStep.set(event.phase, event.step);
      this.#push(event.phase, event.metrics, event.step);
      this.#maybeFlush();
    } else if (event.type === 'end') {
      // summary values of a phase belong at its last step
      this.#push(event.phase, event.metrics, this.#lastStep.get(event.phase) ?? 0);
      this.#flushBuffer();
    }
  }

  #push(phase: string, metrics: Readonly<Record<string, number>> | undefined, step: number): void {
    if (!metrics) return;
    const timestamp = this.#now();
    for (const [name, value] of Object.entries(metrics))
      this.#buffer.push({ key: this.#metricKey(phase, name), value, step, timestamp });
  }

  #maybeFlush(): void {
    if (this.#buffer.length >= this.#flushEvery || this.#now() - this.#lastFlush >= this.#flushIntervalMs)
      this.#flushBuffer();
  }

  #flushBuffer(): void {
    this.#lastFlush = this.#now();
    if (this.#buffer.length === 0) return;
    const metrics = this.#buffer;
    this.#buffer = [];
    // each batch is tried even after one failed: a bad key costs its own batch, not the rest
    this.#writes = this.#writes
      .then(() => this.#store.logBatch(this.run.id, { metrics }))
      .catch((e) => {
        this.#error ??= e;
      });
  }

  #assertOpen(): void {
    if (this.#ended) throw new Error(`run ${this.run.id} is already ended by this tracker`);
  }
}

/**
 * Runs `fn` inside a tracked run: the run ends `finished` when `fn` resolves and `failed` when it
 * throws (the error is rethrown). Returns the run's final state and `fn`'s result.
 */
export async function trackRun<T>(
  store: Store,
  input: CreateRunInput,
  fn: (tracker: Tracker) => T | Promise<T>,
  opts: TrackerOptions = {},
): Promise<{ run: Run; result: T }> {
  const tracker = await Tracker.start(store, input, opts);
  let result: T;
  try {
    result = await fn(tracker);
  } catch (e) {
    await tracker.end('failed').catch(() => {});
    throw e;
  }
  return { run: await tracker.end('finished'), result };
}
