import { randomUUID } from 'node:crypto';
import type { InputValue } from '../track/prediction-log/index.js';
import type { Predictions } from '../train/trained-model.js';
import type { ServerMetrics } from './metrics.js';
import type { PredictionSink } from './prediction-sink.js';
import type { RequestInput } from './request-frame.js';
import type { ServedVersion } from './served-version.js';

/** One answered row: the id to send feedback for, the prediction, and class probabilities. */
export interface RowAnswer {
  readonly id: string;
  readonly prediction: string | number | null;
  readonly proba?: Record<string, number>;
}

export interface AnswerContext {
  readonly metrics: ServerMetrics;
  readonly sink: PredictionSink;
}

/**
 * Predicts the rows of a checked request with one model version and turns the result into
 * answers; every row gets a uuid, is counted by predicted class and is handed to the prediction
 * log (which only buffers). The time since `startedAt` (performance.now()) is logged as the latency.
 */
export function answerRows(
  ctx: AnswerContext,
  v: ServedVersion,
  input: RequestInput,
  startedAt: number,
): RowAnswer[] {
  const p = v.predict(input);
  const now = Date.now();
  const latencyMs = performance.now() - startedAt;
  const out: RowAnswer[] = new Array(input.n);
  const counts = ctx.metrics.predictionsOf(v, v.name, v.version);
  const logging = ctx.sink.enabled !== false;
  for (let i = 0; i < input.n; i++) {
    const id = randomUUID();
    const prediction = predictionAt(p, i);
    const proba = p.proba ? probaAt(v.classes, p, i) : undefined;
    out[i] = proba ? { id, prediction, proba } : { id, prediction };
    counts.inc(typeof prediction === 'string' ? prediction : 'value');
    if (logging)
      ctx.sink.log({
        id,
        time: Math.round(now - latencyMs),
        model: v.name,
        version: v.version,
        source: 'http',
        inputs: inputsAt(v, input, i),
        outputs: proba ? { prediction, proba } : { prediction },
        latencyMs,
      });
  }
  return out;
}

function predictionAt(p: Predictions, i: number): string | number | null {
  if (p.labels) return p.labels[i] ?? null;
  const v = p.values[i];
  return Number.isFinite(v) ? v : null;
}

function probaAt(classes: readonly string[], p: Predictions, i: number): Record<string, number> {
  const m = p.proba!;
  const k = m.cols;
  const row: Record<string, number> = {};
  // CreateDataProperty semantics matter only for a class named __proto__; plain writes are faster.
  for (let j = 0; j < k; j++) defineCell(row, classes[j], m.data[i * k + j]);
  return row;
}

function inputsAt(v: ServedVersion, input: RequestInput, i: number): Record<string, InputValue> {
  const out: Record<string, InputValue> = {};
  for (const f of v.plan) defineCell(out, f.name, input.at(f.name, i) as InputValue);
  return out;
}

function defineCell<T>(o: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true });
  else o[key] = value;
}
