/**
 * `cairn predict --log`: every scored row goes to the prediction log as source 'batch', under the
 * registered model's name and version when the model was named through the registry
 * (`models:/churn@champion`), so that batch and served traffic of one model land together;
 * otherwise under the model's own name with no version.
 *
 * Rows are logged as chunks are scored, and a chunk is logged only once the previous one is
 * committed, so the writer's buffer (sized for two chunks) never drops a row of a batch job. A job
 * that fails half way keeps what it logged: those predictions were made.
 */
import { randomUUID } from 'node:crypto';
import { type Column, cellOf, type Frame } from '../data/frame.js';
import type { InputValue, PredictionRecord } from '../track/prediction-log/index.js';
import { openPredictionLog, type PredictionLog, WRITER_DEFAULTS } from '../track/prediction-log/index.js';
import type { TrainedModel } from '../train/trained-model.js';
import { storeUri } from './common.js';
import type { CliIO } from './io.js';

export interface BatchLogTarget {
  readonly model: TrainedModel;
  /** The registry's name and version, when the model was resolved through it. */
  readonly name?: string;
  readonly version?: number;
}

export interface BatchLog {
  /** Logs a scored chunk: its input rows and the prediction frame made from them. */
  logChunk(chunk: Frame, predictions: Frame, elapsedMs: number): Promise<void>;
  /** Commits everything and closes the log; returns how many rows were logged. */
  close(): Promise<{ logged: number; store: string }>;
}

export async function openBatchLog(
  io: CliIO,
  store: string | undefined,
  target: BatchLogTarget,
  batchRows: number,
): Promise<BatchLog> {
  const log: PredictionLog = await openPredictionLog(storeUri(io, store), {
    cwd: io.cwd,
    maxBuffer: Math.max(WRITER_DEFAULTS.maxBuffer, 2 * batchRows),
  });
  const { model } = target;
  const name = target.name ?? model.info.name;
  const version = target.version ?? null;
  const features = model.info.features.map((f) => f.name);
  const probaNames = model.classes.map((c) => [c, `proba_${c}`] as const);
  let previous: Promise<void> = Promise.resolve();

  return {
    async logChunk(chunk, predictions, elapsedMs) {
      await previous;
      const time = Date.now();
      const latencyMs = chunk.nRows > 0 ? elapsedMs / chunk.nRows : 0;
      const inputs = features.map((f) => [f, chunk.has(f) ? chunk.column(f) : null] as const);
      const predicted = predictions.column('prediction');
      const proba = probaNames.map(([c, n]) => [c, predictions.column(n)] as const);
      for (let i = 0; i < chunk.nRows; i++) {
        const record: PredictionRecord = {
          id: randomUUID(),
          time,
          model: name,
          version,
          source: 'batch',
          inputs: rowOf(inputs, i),
          outputs: {
            prediction: cellOf(predicted, i) as number | string | null,
            ...(proba.length > 0 ? { proba: probaOf(proba, i) } : {}),
          },
          latencyMs,
        };
        log.writer.log(record);
      }
      previous = log.writer.flush();
    },
    async close() {
      try {
        await previous;
        await log.writer.flush();
      } finally {
        await log.close();
      }
      const s = log.writer.stats();
      return { logged: s.written + s.duplicates, store: log.location };
    },
  };
}

function rowOf(
  columns: readonly (readonly [string, Column | null])[],
  i: number,
): Record<string, InputValue> {
  const row: Record<string, InputValue> = {};
  for (const [name, c] of columns) {
    const v = c ? cellOf(c, i) : null;
    // a feature named __proto__ must stay a field, not become the row's prototype
    if (name === '__proto__')
      Object.defineProperty(row, name, { value: v, enumerable: true, writable: true });
    else row[name] = v;
  }
  return row;
}

function probaOf(columns: readonly (readonly [string, Column])[], i: number): Record<string, number> {
  const p: Record<string, number> = {};
  for (const [label, c] of columns) p[label] = c.values[i] as number;
  return p;
}
