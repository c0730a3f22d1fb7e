/**
 * Opens the prediction log in the tracking store's database (same URIs as openStore, default
 * `.cairn/cairn.db`): migrates it, starts the writer thread and wraps both ends.
 *
 *   const log = await openPredictionLog('sqlite:.cairn/cairn.db');
 *   log.writer.log(record);                          // never waits, never throws
 *   await log.addFeedback(record.id, 'Adelie');      // ground truth, by prediction id
 *   const rows = await log.reader.query({ model: 'penguins' });
 *   await log.close();                               // flushes, then stops the writer thread
 *
 * Node-only (a worker thread and the file system).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Kysely } from 'kysely';
import { InputError } from '../../util/errors.js';
import { moduleBeside, startWorker } from '../../util/worker.js';
import { migrate } from '../kysely-store/migrate.js';
import { type SqliteOptions, sqliteDialect } from '../kysely-store/sqlite-dialect.js';
import type { TrackDatabase } from '../kysely-store/tables.js';
import { parseStoreUri, sqliteOpenError } from '../open-store.js';
import type { FromLogWorker, LogWorkerSetup } from './protocol.js';
import { PredictionLogReader } from './reader.js';
import { checkFeedbackValue, type Feedback } from './records.js';
import { PredictionLogWriter, type WriterOptions } from './writer.js';

export type PredictionLogOptions = WriterOptions &
  SqliteOptions & {
    /** Base for relative paths in the URI (default: process.cwd()). */
    readonly cwd?: string;
  };

export interface PredictionLog {
  /** The SQLite file. */
  readonly location: string;
  readonly writer: PredictionLogWriter;
  readonly reader: PredictionLogReader;
  /**
   * Attaches ground truth to a logged prediction (a later value replaces an earlier one) and
   * resolves once it is committed. A prediction still in the writer's buffer is flushed first; an
   * id the log does not hold is an InputError naming it.
   */
  addFeedback(predictionId: string, value: unknown, time?: number): Promise<Feedback>;
  /** Flushes the writer, stops its thread and closes the reader's connection. */
  close(): Promise<void>;
}

export async function openPredictionLog(
  storeUri?: string,
  opts: PredictionLogOptions = {},
): Promise<PredictionLog> {
  const { file, db } = await openDatabase(storeUri, opts);
  const setup: LogWorkerSetup = { file, busyTimeoutMs: opts.busyTimeoutMs };
  const worker = startWorker(moduleBeside(import.meta.url, 'log-worker'), { data: setup });
  try {
    await ready(worker);
  } catch (e) {
    await worker.terminate();
    await db.destroy();
    throw sqliteOpenError(e, file);
  }
  const writer = new PredictionLogWriter(worker, opts);
  const reader = new PredictionLogReader(db);

  let closing: Promise<void> | null = null;
  return {
    location: file,
    writer,
    reader,
    async addFeedback(predictionId, value, time = Date.now()) {
      if (typeof predictionId !== 'string' || predictionId === '')
        throw new InputError('bad_feedback', 'feedback needs the id of a prediction (predictionId)', {
          field: 'predictionId',
        });
      const v = checkFeedbackValue(value);
      if (typeof time !== 'number' || !Number.isFinite(time))
        throw new InputError('bad_feedback', 'feedback time must be epoch milliseconds', { field: 'time' });
      // the prediction may still wait in the writer's buffer: flush before saying it is unknown
      if (!(await reader.has(predictionId))) {
        await writer.flush();
        if (!(await reader.has(predictionId)))
          throw new InputError('unknown_prediction', `no prediction with id '${predictionId}' in the log`, {
            field: 'predictionId',
            predictionId,
          });
      }
      const t = Math.round(time);
      await writer.writeFeedback({ prediction_id: predictionId, value: JSON.stringify(v), time: t });
      return { predictionId, value: v, time: t };
    },
    close() {
      closing ??= (async () => {
        try {
          await writer.close();
        } finally {
          await db.destroy();
        }
      })();
      return closing;
    },
  };
}

/** The reading side alone, for tools that only look (the monitor): no writer thread is started. */
export interface PredictionLogReaderHandle {
  readonly location: string;
  readonly reader: PredictionLogReader;
  close(): Promise<void>;
}

export async function openPredictionLogReader(
  storeUri?: string,
  opts: Pick<PredictionLogOptions, 'cwd' | 'busyTimeoutMs'> = {},
): Promise<PredictionLogReaderHandle> {
  const { file, db } = await openDatabase(storeUri, opts);
  let closing: Promise<void> | null = null;
  return {
    location: file,
    reader: new PredictionLogReader(db),
    close() {
      closing ??= db.destroy();
      return closing;
    },
  };
}

/** The store's SQLite file, opened and migrated; errors about the file name it. */
async function openDatabase(
  storeUri: string | undefined,
  opts: Pick<PredictionLogOptions, 'cwd' | 'busyTimeoutMs'>,
): Promise<{ file: string; db: Kysely<TrackDatabase> }> {
  const { file } = parseStoreUri(storeUri, opts.cwd);
  if (file === ':memory:')
    throw new InputError(
      'unsupported_uri',
      'the prediction log needs a database file that its writer thread can open too, not sqlite::memory:',
      { field: 'store', uri: storeUri },
    );
  mkdirSync(dirname(file), { recursive: true });
  let db: Kysely<TrackDatabase>;
  try {
    db = new Kysely<TrackDatabase>({ dialect: sqliteDialect(file, opts) });
  } catch (e) {
    throw sqliteOpenError(e, file);
  }
  try {
    await migrate(db, { location: file });
  } catch (e) {
    await db.destroy();
    throw sqliteOpenError(e, file);
  }
  return { file, db };
}

/** Waits for the worker's 'ready', or the error that kept it from opening the store. */
function ready(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromLogWorker) => {
      if (m.type !== 'ready') return;
      off();
      resolve();
    };
    const onError = (e: Error) => {
      off();
      reject(e);
    };
    const onExit = (code: number) => {
      off();
      reject(new Error(`the prediction log's writer thread exited (code ${code}) before it was ready`));
    };
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
