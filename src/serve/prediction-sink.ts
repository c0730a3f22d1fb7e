import type { FeedbackValue, PredictionLog, PredictionRecord } from '../track/prediction-log/index.js';
import { InputError } from '../util/errors.js';

export type { FeedbackValue, PredictionRecord };

/**
 * Where served predictions go. `log` is called on the request path, so it must only buffer: never
 * wait, never throw for I/O (a failing log is the sink's to report, not the client's).
 */
export interface PredictionSink {
  /** False when records are dropped anyway: the server then does not build them. Default true. */
  readonly enabled?: boolean;
  log(record: PredictionRecord): void;
  /**
   * Attaches ground truth to a logged prediction, including one still buffered; false when no
   * prediction has that id. A bad value is an InputError.
   */
  addFeedback(id: string, value: FeedbackValue): Promise<boolean>;
  /** Writes everything buffered so far. */
  flush(): Promise<void>;
  /** Flushes and releases the log. */
  close(): Promise<void>;
}

/** The prediction log in the tracking store (src/track/prediction-log) as the server's sink. */
export function predictionLogSink(log: PredictionLog): PredictionSink {
  return {
    log: (record) => log.writer.log(record),
    async addFeedback(id, value) {
      try {
        await log.addFeedback(id, value);
        return true;
      } catch (e) {
        if (e instanceof InputError && e.code === 'unknown_prediction') return false;
        throw e;
      }
    },
    flush: () => log.writer.flush(),
    close: () => log.close(),
  };
}

/** A sink that keeps records in memory: for tests and embedding. */
export function memorySink(): PredictionSink & {
  readonly records: PredictionRecord[];
  readonly feedback: Map<string, FeedbackValue>;
} {
  const records: PredictionRecord[] = [];
  const feedback = new Map<string, FeedbackValue>();
  return {
    records,
    feedback,
    log: (r) => {
      records.push(r);
    },
    async addFeedback(id, value) {
      if (!records.some((r) => r.id === id)) return false;
      feedback.set(id, value);
      return true;
    },
    async flush() {},
    async close() {},
  };
}

/** A sink that drops everything (feedback then never finds its prediction). */
export const discardSink: PredictionSink = {
  enabled: false,
  log() {},
  async addFeedback() {
    return false;
  },
  async flush() {},
  async close() {},
};
