/**
 * The prediction log: every served or batch-scored prediction, recorded without making the caller
 * wait, with ground truth attached later by prediction id, in the tracking store's database.
 *
 *   const log = await openPredictionLog();
 *   log.writer.log({ id: randomUUID(), time: Date.now(), model: 'penguins', version: 3,
 *     source: 'http', inputs: { bill_length_mm: 39.1, island: 'Torgersen' },
 *     outputs: { prediction: 'Adelie', proba: { Adelie: 0.97, Gentoo: 0.03 } }, latencyMs: 0.4 });
 *   await log.addFeedback(id, 'Adelie');
 *   const window = await log.reader.window({ model: 'penguins', features: model.info.features });
 *   await log.close();
 *
 * Tools that only read (the monitor) open `openPredictionLogReader()`: no writer thread.
 */
export {
  openPredictionLog,
  openPredictionLogReader,
  type PredictionLog,
  type PredictionLogOptions,
  type PredictionLogReaderHandle,
} from './open.js';
export type {
  PredictionLogReader,
  PredictionQuery,
  PredictionWindow,
  TimeBound,
  WindowQuery,
} from './reader.js';
export {
  encodeRecord,
  type Feedback,
  type FeedbackValue,
  type InputValue,
  type LoggedPrediction,
  PREDICTION_SOURCES,
  type PredictionOutputs,
  type PredictionRecord,
  type PredictionSource,
} from './records.js';
export type { ColumnSpec } from './window-columns.js';
export { type PredictionLogWriter, WRITER_DEFAULTS, type WriterOptions, type WriterStats } from './writer.js';
